import "server-only";
import { eq, sql } from "drizzle-orm";
import { queryRows, type Tx } from "~/db/client";
import { meetings } from "~/db/schema";
import { flagRules } from "./flags";

/**
 * The copied-minutes match (形式主义预警 “会议记录雷同”), computed when a meeting is written and
 * stored on it (`copied_from_id`, `copied_similarity`), so `meeting.flags` reads it without a
 * trigram search. A meeting's match is its most similar minutes (pg_trgm similarity of the
 * fingerprints ≥ `flagRules.copiedSimilarity`, both minutes at least `flagRules.minMinutesChars`
 * long) among the EARLIER meetings of its own unit (earlier date, or same date and smaller id)
 * and ANY meeting of another unit; ties go to the earliest (date, id).
 *
 * Each search is one GIN probe (`%`), ≈13–19 ms against the demo's 2,700 meetings: cheap for
 * one write, far too slow for every meeting of a tree on read.
 */

/**
 * Runs `fn` with the two planner settings the trigram probe needs, then puts them back so the
 * rest of the write transaction (reports, audit) plans as usual. `%` takes its threshold from
 * pg_trgm.similarity_threshold (default 0.3, which lets most minutes of the same kind through
 * the index, each then compared in full). And the planner prices similarity() like an
 * addition, so on a small table it scans every row per probe instead of using the GIN index:
 * 20 times slower on the demo data (400 ms against 19 ms a probe on PGlite). `set_config(…,
 * true)` is `set local`: a rollback of the transaction (or savepoint) undoes it too.
 */
export async function withTrigramPlanner<T>(tx: Tx, fn: () => Promise<T>): Promise<T> {
  // The select list is evaluated left to right: the old values are read before they are set.
  const [prev] = await queryRows<{ seq: string; threshold: string | null }>(
    tx,
    sql`select current_setting('enable_seqscan') as seq,
               current_setting('pg_trgm.similarity_threshold', true) as threshold,
               set_config('pg_trgm.similarity_threshold', ${String(flagRules.copiedSimilarity)}, true),
               set_config('enable_seqscan', 'off', true)`,
  );
  const out = await fn();
  await tx.execute(
    sql`select set_config('pg_trgm.similarity_threshold', ${prev?.threshold ?? "0.3"}, true),
               set_config('enable_seqscan', ${prev?.seq ?? "on"}, true)`,
  );
  return out;
}

/**
 * The rule of a copied match, for minutes not stored yet (a meeting being typed): the most
 * similar minutes among the earlier meetings of `unitId` (before `date`, or `excludeId` itself)
 * and any meeting of another unit; the same thresholds and order as the stored match below.
 */
export function copiedCandidate(input: { fingerprint: string; unitId: number; date: string; excludeId: number | null }) {
  const r = flagRules;
  const exclude = input.excludeId ?? 0;
  return sql`select o.id, o.unit_id as "unitId", o.date::text as date, o.type, o.quarter,
                    similarity(o.minutes_fingerprint, ${input.fingerprint}) as similarity
               from meetings o
              where o.minutes_fingerprint % ${input.fingerprint}
                and o.id <> ${exclude}
                and (o.unit_id <> ${input.unitId} or o.date < ${input.date}::date)
                and char_length(o.minutes) >= ${r.minMinutesChars}
                and similarity(o.minutes_fingerprint, ${input.fingerprint}) >= ${r.copiedSimilarity}
              order by similarity desc, o.date, o.id
              limit 1`;
}

/** One statement: finds the meeting's best match and stores it (null when there is none). */
function bestMatchUpdate(meetingId: number) {
  const r = flagRules;
  return sql`with best as (
      select b.id, b.sim
        from meetings me cross join lateral (
          select o.id, similarity(o.minutes_fingerprint, me.minutes_fingerprint) as sim
            from meetings o
           where o.minutes_fingerprint % me.minutes_fingerprint
             and o.id <> me.id
             and (o.unit_id <> me.unit_id or o.date < me.date or (o.date = me.date and o.id < me.id))
             and char_length(o.minutes) >= ${r.minMinutesChars}
             and similarity(o.minutes_fingerprint, me.minutes_fingerprint) >= ${r.copiedSimilarity}
           order by sim desc, o.date, o.id
           limit 1
        ) b
       where me.id = ${meetingId} and char_length(me.minutes) >= ${r.minMinutesChars}
    )
    update meetings set (copied_from_id, copied_similarity) = (select id, sim from best)
     where id = ${meetingId}`;
}

/**
 * One statement: the meetings for which `meetingId` (just written) is now a better match than
 * the one they store take it as their source — e.g. another unit's earlier meeting whose text
 * the new one copied, or a later meeting of the same unit. The probe runs the other way round
 * (which meetings are like this one), still one GIN lookup.
 */
function adoptAsSource(meetingId: number) {
  const r = flagRules;
  return sql`with cand as (
      select y.id as yid, x.id as xid, x.date as xdate,
             similarity(y.minutes_fingerprint, x.minutes_fingerprint) as sim
        from meetings x join meetings y on y.minutes_fingerprint % x.minutes_fingerprint
       where x.id = ${meetingId} and char_length(x.minutes) >= ${r.minMinutesChars}
         and y.id <> x.id
         and (y.unit_id <> x.unit_id or x.date < y.date or (x.date = y.date and x.id < y.id))
         and char_length(y.minutes) >= ${r.minMinutesChars}
         and similarity(y.minutes_fingerprint, x.minutes_fingerprint) >= ${r.copiedSimilarity}
    )
    update meetings y set copied_from_id = c.xid, copied_similarity = c.sim
      from cand c
     where y.id = c.yid
       and (y.copied_from_id is null
            or c.sim > y.copied_similarity
            or (c.sim = y.copied_similarity and y.copied_from_id <> c.xid
                and (c.xdate, c.xid) < (select s.date, s.id from meetings s where s.id = y.copied_from_id)))`;
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
 */
export async function refreshCopiedMatches(tx: Tx, opts: { written?: number; pointedTo?: readonly number[] }): Promise<void> {
  const pointedTo = (opts.pointedTo ?? []).filter((id) => id !== opts.written);
  if (opts.written === undefined && pointedTo.length === 0) return;
  await withTrigramPlanner(tx, async () => {
    if (opts.written !== undefined) await tx.execute(bestMatchUpdate(opts.written));
    for (const id of pointedTo) await tx.execute(bestMatchUpdate(id));
    if (opts.written !== undefined) await tx.execute(adoptAsSource(opts.written));
  });
}
