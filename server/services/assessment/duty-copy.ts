import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "~/db/client";
import { flagRules } from "~/server/services/meeting/flags";
import { withTrigramPlanner } from "~/server/services/meeting/copied-match";

/**
 * The copied-duty-report match (述职报告雷同), the minutes' method applied to duty reports:
 * computed when a report's text is written and stored on it (`copied_from_id`,
 * `copied_similarity`): its most similar text among the unit's EARLIER years' reports and ANY
 * report of another unit. The caller writes `text_fingerprint` (the same fingerprint as the
 * minutes') before calling. The copy-detection work replaces the method behind these two names.
 */
export async function refreshDutyReportCopy(tx: Tx, dutyReportId: number): Promise<void> {
  const r = flagRules;
  await withTrigramPlanner(tx, async () => {
    await tx.execute(sql`with best as (
        select b.id, b.sim
          from duty_reports me cross join lateral (
            select o.id, similarity(o.text_fingerprint, me.text_fingerprint) as sim
              from duty_reports o
             where o.text_fingerprint % me.text_fingerprint
               and o.id <> me.id
               and (o.unit_id <> me.unit_id or o.year < me.year)
               and char_length(o.text) >= ${r.minMinutesChars}
               and similarity(o.text_fingerprint, me.text_fingerprint) >= ${r.copiedSimilarity}
             order by sim desc, o.year, o.id
             limit 1
          ) b
         where me.id = ${dutyReportId} and char_length(me.text) >= ${r.minMinutesChars}
      )
      update duty_reports set (copied_from_id, copied_similarity) = (select id, sim from best)
       where id = ${dutyReportId}`);
  });
}
