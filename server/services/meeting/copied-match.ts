import "server-only";
import { eq, sql } from "drizzle-orm";
import { queryRows, type Tx } from "~/db/client";
import { meetings } from "~/db/schema";
import { copyRules, fingerprintSimilarity } from "~/lib/text-similarity";
import { commonClausesOf } from "~/server/services/copy-check/corpus";
import { bandsNow, bandsShared, bestCopy, probeLimit, sharesBand, withBandProbe } from "~/server/services/copy-check/probe";
import { flagRules } from "./flags";

/**
 * The copied-minutes match (形式主义预警 “会议记录雷同”), computed when a meeting is written and
 * stored on it (`copied_from_id`, `copied_similarity`), so `meeting.flags` reads it without a
 * search. A meeting's match is its most similar minutes (lib/text-similarity: the substance
 * after boilerplate, ≥ `copyRules.threshold`, both minutes at least `flagRules.minMinutesChars`
 * long) among the EARLIER meetings of its own unit (earlier date, or same date and smaller id)
 * and ANY meeting of another unit; ties go to the earliest (date, id). Candidates come from one
 * GIN probe of the MinHash bands (../copy-check/probe.ts).
 */

export type CopiedCandidate = { id: number; unitId: number; date: string; type: string; quarter: string; similarity: number };
type Row = Omit<CopiedCandidate, "similarity"> & { fingerprint: string };

/**
 * The best match of minutes with this fingerprint and bands, written for `unitId` on `date`:
 * among another unit's meetings, and the unit's own meetings before (`date`, `beforeId`) —
 * `beforeId` 0 for minutes not stored yet — other than `excludeId`.
 */
export async function findCopiedMinutes(
  tx: Tx,
  input: { fingerprint: string; bands: readonly number[]; unitId: number; date: string; beforeId: number; excludeId: number | null },
): Promise<CopiedCandidate | null> {
  if (input.bands.length === 0) return null;
  const rows = await withBandProbe(tx, () =>
    queryRows<Row>(
      tx,
      sql`select o.id, o.unit_id as "unitId", o.date::text as date, o.type, o.quarter, o.minutes_fingerprint as fingerprint
          from meetings o
         where ${sharesBand(sql`o.copy_bands`, input.bands)}
           and o.id <> ${input.excludeId ?? 0}
           and (o.unit_id <> ${input.unitId} or (o.date, o.id) < (${input.date}::date, ${input.beforeId}::int))
           and char_length(o.minutes) >= ${flagRules.minMinutesChars}
         order by ${bandsShared(sql`o.copy_bands`, input.bands)} desc, o.date, o.id
         limit ${probeLimit}`,
    ),
  );
  rows.sort((a, b) => a.date.localeCompare(b.date) || Number(a.id) - Number(b.id));
  const common = await commonClausesOf(tx, [input.fingerprint, ...rows.map((r) => r.fingerprint)]);
  const best = bestCopy(input.fingerprint, rows, common);
  if (!best) return null;
  const { fingerprint: _fp, ...match } = best;
  return { ...match, id: Number(match.id), unitId: Number(match.unitId) };
}

/** A meeting whose stored match was written: its unit and quarter (its flags' rollup rows, server/services/rollup/flag-counts.ts). */
export type MatchChange = { unitId: number; quarter: string };

/**
 * Stores the meeting's bands (without the corpus-common clauses known now) and its best match
 * (null when there is none); answers the meeting's unit and quarter (null: no such meeting). Not
 * only when the match changed: a deleted source's foreign key has already cleared it.
 */
async function storeBestMatch(tx: Tx, meetingId: number): Promise<MatchChange | null> {
  const [me] = await tx.select().from(meetings).where(eq(meetings.id, meetingId));
  if (!me) return null;
  const bands = await bandsNow(tx, me.minutesFingerprint);
  const found =
    me.minutes.length >= flagRules.minMinutesChars
      ? await findCopiedMinutes(tx, {
          fingerprint: me.minutesFingerprint,
          bands,
          unitId: me.unitId,
          date: me.date,
          beforeId: me.id,
          excludeId: me.id,
        })
      : null;
  await tx
    .update(meetings)
    .set({ copyBands: bands, copiedFromId: found?.id ?? null, copiedSimilarity: found?.similarity ?? null })
    .where(eq(meetings.id, meetingId));
  return { unitId: me.unitId, quarter: me.quarter };
}

type Adopter = {
  id: number;
  unitId: number;
  quarter: string;
  fingerprint: string;
  sim: number | null;
  srcDate: string | null;
  srcId: number | null;
};

/**
 * The meetings for which `meetingId` (just written) is now a better match than the one they
 * store take it as their source — e.g. another unit's earlier meeting whose text the new one
 * copied, or a later meeting of the same unit. The same band probe, the other way round.
 * Answers the meetings that took it.
 */
async function adoptAsSource(tx: Tx, meetingId: number): Promise<MatchChange[]> {
  const [x] = await tx.select().from(meetings).where(eq(meetings.id, meetingId));
  if (!x || !x.copyBands || x.copyBands.length === 0 || x.minutes.length < flagRules.minMinutesChars) return [];
  const xBands = x.copyBands;
  const rows = await withBandProbe(tx, () =>
    queryRows<Adopter>(
      tx,
      sql`select y.id, y.unit_id as "unitId", y.quarter, y.minutes_fingerprint as fingerprint, y.copied_similarity as sim, s.date::text as "srcDate", s.id as "srcId"
          from meetings y left join meetings s on s.id = y.copied_from_id
         where ${sharesBand(sql`y.copy_bands`, xBands)}
           and y.id <> ${x.id}
           and (y.unit_id <> ${x.unitId} or (${x.date}::date, ${x.id}::int) < (y.date, y.id))
           and char_length(y.minutes) >= ${flagRules.minMinutesChars}
         order by ${bandsShared(sql`y.copy_bands`, xBands)} desc, y.id
         limit ${probeLimit}`,
    ),
  );
  const common = await commonClausesOf(tx, [x.minutesFingerprint, ...rows.map((r) => r.fingerprint)]);
  const adopted: MatchChange[] = [];
  for (const y of rows) {
    const sim = fingerprintSimilarity(y.fingerprint, x.minutesFingerprint, common);
    if (sim < copyRules.threshold) continue;
    const stored = y.sim === null ? null : Number(y.sim);
    const earlierSource =
      y.srcId !== null && Number(y.srcId) !== x.id && (x.date < y.srcDate! || (x.date === y.srcDate && x.id < Number(y.srcId)));
    if (stored === null || sim > stored || (sim === stored && earlierSource)) {
      await tx
        .update(meetings)
        .set({ copiedFromId: x.id, copiedSimilarity: sim })
        .where(eq(meetings.id, Number(y.id)));
      if (y.srcId === null || Number(y.srcId) !== x.id) adopted.push({ unitId: Number(y.unitId), quarter: y.quarter });
    }
  }
  return adopted;
}

/** The meetings whose stored match is `meetingId` (read them before deleting it). */
export async function meetingsCopiedFrom(tx: Tx, meetingId: number): Promise<number[]> {
  const rows = await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.copiedFromId, meetingId));
  return rows.map((r) => r.id);
}

/**
 * After a meeting's minutes, date or unit were written (`written`), or a meeting was deleted:
 * stores the written meeting's own match, re-evaluates the meetings that pointed to the
 * changed or deleted one (`pointedTo`, few rows; they may now have another source or none),
 * and lets the written meeting become the source of the meetings it now matches better.
 * Answers the meetings whose stored match was written (the written one's included): their units'
 * flags of their quarters may have changed — other units' too (`refreshMeetingRollups`' `copied`).
 */
export async function refreshCopiedMatches(tx: Tx, opts: { written?: number; pointedTo?: readonly number[] }): Promise<MatchChange[]> {
  const changed: (MatchChange | null)[] = [];
  const pointedTo = (opts.pointedTo ?? []).filter((id) => id !== opts.written);
  if (opts.written !== undefined) changed.push(await storeBestMatch(tx, opts.written));
  for (const id of pointedTo) changed.push(await storeBestMatch(tx, id));
  if (opts.written !== undefined) changed.push(...(await adoptAsSource(tx, opts.written)));
  return changed.filter((c): c is MatchChange => c !== null);
}
