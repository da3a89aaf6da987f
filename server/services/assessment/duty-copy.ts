import "server-only";
import { staleAnnualScores } from "./grade-store";
import { eq, sql } from "drizzle-orm";
import { queryRows, type Tx } from "~/db/client";
import { dutyReports } from "~/db/schema";
import { textFingerprint } from "~/lib/text-similarity";
import { commonClausesOf, recordCorpusChange } from "~/server/services/copy-check/corpus";
import { bandsNow, bandsShared, bestCopy, probeLimit, sharesBand, withBandProbe } from "~/server/services/copy-check/probe";
import { flagRules } from "~/server/services/meeting/flags";
import { refreshFlagCounts } from "~/server/services/rollup/flag-counts";

type Row = { id: number; year: number; fingerprint: string };

/**
 * The copied-duty-report match (述职报告雷同), the minutes' method (lib/text-similarity) applied
 * to duty reports: computed when a report's text is written and stored on it (`copied_from_id`,
 * `copied_similarity`): its most similar text among the unit's EARLIER years' reports and ANY
 * report of another unit (ties to the earliest year, then id). Writes the report's
 * `text_fingerprint` and `copy_bands` from its text first, so the caller only writes the text
 * (and records the change of its clauses in the copy-detection corpus, ../copy-check/corpus.ts).
 * The match joins the formalism flags (`copied_duty_report`, server/services/meeting/flags.ts)
 * and their counts' rollup (server/services/rollup/flag-counts.ts), refreshed here.
 */
export async function refreshDutyReportCopy(tx: Tx, dutyReportId: number): Promise<void> {
  const [me] = await tx
    .select({
      id: dutyReports.id,
      year: dutyReports.year,
      unitId: dutyReports.unitId,
      text: dutyReports.text,
      stored: dutyReports.textFingerprint,
    })
    .from(dutyReports)
    .where(eq(dutyReports.id, dutyReportId));
  if (!me) return;
  const fingerprint = textFingerprint(me.text);
  await recordCorpusChange(tx, { unitId: me.unitId, fingerprint: me.stored }, { unitId: me.unitId, fingerprint });
  const bands = me.text.length >= flagRules.minMinutesChars ? await bandsNow(tx, fingerprint) : [];
  const rows =
    bands.length === 0
      ? []
      : await withBandProbe(tx, () =>
          queryRows<Row>(
            tx,
            sql`select o.id, o.year, o.text_fingerprint as fingerprint
                from duty_reports o
               where ${sharesBand(sql`o.copy_bands`, bands)}
                 and o.id <> ${me.id}
                 and (o.unit_id <> ${me.unitId} or o.year < ${me.year})
                 and char_length(o.text) >= ${flagRules.minMinutesChars}
               order by ${bandsShared(sql`o.copy_bands`, bands)} desc, o.year, o.id
               limit ${probeLimit}`,
          ),
        );
  rows.sort((a, b) => Number(a.year) - Number(b.year) || Number(a.id) - Number(b.id));
  const best = bestCopy(fingerprint, rows, await commonClausesOf(tx, [fingerprint, ...rows.map((r) => r.fingerprint)]));
  await tx
    .update(dutyReports)
    .set({
      textFingerprint: fingerprint,
      copyBands: bands,
      copiedFromId: best ? Number(best.id) : null,
      copiedSimilarity: best?.similarity ?? null,
    })
    .where(eq(dutyReports.id, dutyReportId));
  // The match is a formalism flag in the Q4 of the report's year (the rollup of flag counts);
  // before the annual scores, in the order an approval takes the rollup lock and those rows.
  await refreshFlagCounts(tx, [{ unitId: me.unitId, quarter: `${me.year}Q4` }]);
  // The copied flag caps the grade (duty_report_copied).
  await staleAnnualScores(tx, me.year, [me.unitId]);
}
