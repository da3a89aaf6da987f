import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import { threeMeetingsOneLecture } from "~/lib/codes";
import { qualityBucketSql } from "~/server/services/dashboard/meeting-quality-rows";
import { heldMeetingSql, largeUnitSql } from "~/server/services/meeting/completion-rules";
import { refreshFlagCounts, recomputeFlagCounts, type FlagChange } from "./flag-counts";
import { lockRollups, quarterIn } from "./subtree-sql";
import { pathsOf, recomputeChains } from "./tree-walk";

/**
 * The meeting-quality rollups (db/schema/subtree-unit-kinds.ts, subtree-meeting-counts.ts,
 * subtree-meeting-scores.ts): what `dashboard.meetingQuality` aggregates from the raw meetings,
 * per subtree — active units by kind, the histogram of valid 三会一课 per unit, and the quality
 * score histogram. Kept in the writing transaction by the meeting writes (create, update,
 * delete, the spreadsheet import) and the unit writes (create, attributes, (de)activate, move).
 */

const threeOne = sql.join(
  threeMeetingsOneLecture.map((t) => sql`${t}`),
  sql`, `,
);

/** Active units by kind of the units matched by `units` (on `u`): themselves plus their children's rows. */
export async function recomputeUnitKinds(db: Db | Tx, units: SQL): Promise<void> {
  await db.execute(sql`delete from subtree_unit_kinds s using units u where u.id = s.root_unit_id and (${units})`);
  await db.execute(sql`
    insert into subtree_unit_kinds (root_unit_id, unit_type, large, units)
    select x.root_id, x.unit_type, x.large, sum(x.n)
    from (
      select u.id as root_id, u.type as unit_type, ${largeUnitSql("u")} as large, 1 as n from units u where (${units}) and u.active
      union all
      select u.id, s.unit_type, s.large, s.units
      from units u join units c on c.parent_id = u.id join subtree_unit_kinds s on s.root_unit_id = c.id
      where ${units}
    ) x
    group by x.root_id, x.unit_type, x.large`);
}

/** The distinct years of some quarters, as a SQL list. */
const yearsOf = (quarters: readonly string[]) =>
  sql.join(
    [...new Set(quarters.map((q) => q.slice(0, 4)))].map((y) => sql`${y}::text`),
    sql`, `,
  );

/**
 * Each matched unit's own valid 三会一课 per type (an active unit only): in each quarter, and in
 * its calendar year up to each quarter (all four quarters of a year that has any) — rows of the
 * quarters in `quarters` (null: all) with at least one meeting.
 */
const ownHeldSql = (units: SQL, quarters: readonly string[] | null) => sql`
  with v as (
    select m.unit_id, m.type, m.quarter, count(*) filter (where ${heldMeetingSql("m")}) as n
    from meetings m join units u on u.id = m.unit_id
    where (${units}) and u.active and m.type in (${threeOne})
      and ${quarters === null ? sql`true` : sql`left(m.quarter, 4) in (${yearsOf(quarters)})`}
    group by m.unit_id, m.type, m.quarter
  ),
  f as (
    select unit_id, type, quarter, false as ytd, n from v where n > 0
    union all
    select v.unit_id, v.type, left(v.quarter, 4) || 'Q' || k, true, sum(v.n)
    from v cross join generate_series(1, 4) k
    where v.quarter <= left(v.quarter, 4) || 'Q' || k
    group by 1, 2, 3 having sum(v.n) > 0
  )
  select f.unit_id, f.type, f.quarter, f.ytd, f.n::int as held from f where ${quarterIn("f.quarter", quarters)}`;

/** The 三会一课 histogram rows of the matched units for some quarters (null: all). */
export async function recomputeMeetingCounts(db: Db | Tx, units: SQL, quarters: readonly string[] | null): Promise<void> {
  await db.execute(sql`
    delete from subtree_meeting_counts s using units u
    where u.id = s.root_unit_id and (${units}) and ${quarterIn("s.quarter", quarters)}`);
  await db.execute(sql`
    insert into subtree_meeting_counts (root_unit_id, quarter, type, unit_type, large, ytd, held, units)
    select x.root_id, x.quarter, x.type, x.unit_type, x.large, x.ytd, x.held, sum(x.units)
    from (
      select u.id as root_id, h.quarter, h.type, u.type as unit_type, ${largeUnitSql("u")} as large, h.ytd, h.held, 1 as units
      from (${ownHeldSql(units, quarters)}) h join units u on u.id = h.unit_id
      union all
      select u.id, s.quarter, s.type, s.unit_type, s.large, s.ytd, s.held, s.units
      from units u join units c on c.parent_id = u.id join subtree_meeting_counts s on s.root_unit_id = c.id
      where (${units}) and ${quarterIn("s.quarter", quarters)}
    ) x
    group by x.root_id, x.quarter, x.type, x.unit_type, x.large, x.ytd, x.held`);
}

/** The quality-score histogram rows of the matched units (all their meetings, active or not) for some quarters (null: all). */
async function recomputeMeetingScores(db: Db | Tx, units: SQL, quarters: readonly string[] | null): Promise<void> {
  await db.execute(sql`
    delete from subtree_meeting_scores s using units u
    where u.id = s.root_unit_id and (${units}) and ${quarterIn("s.quarter", quarters)}`);
  await db.execute(sql`
    insert into subtree_meeting_scores (root_unit_id, quarter, bucket, meetings)
    select x.root_id, x.quarter, x.bucket, sum(x.n)
    from (
      select u.id as root_id, m.quarter, ${qualityBucketSql("m")} as bucket, count(*) as n
      from meetings m join units u on u.id = m.unit_id
      where (${units}) and ${quarterIn("m.quarter", quarters)}
      group by 1, 2, 3
      union all
      select u.id, s.quarter, s.bucket, s.meetings
      from units u join units c on c.parent_id = u.id join subtree_meeting_scores s on s.root_unit_id = c.id
      where (${units}) and ${quarterIn("s.quarter", quarters)}
    ) x
    group by x.root_id, x.quarter, x.bucket`);
}

/** The quarters a meeting change in `quarter` reaches: it, and the rest of its year (the year-to-date counts). */
export function quartersReached(quarter: string): string[] {
  const year = quarter.slice(0, 4);
  const from = Number(quarter.slice(5));
  return [1, 2, 3, 4].filter((k) => k >= from).map((k) => `${year}Q${k}`);
}

/**
 * After meetings of some units changed in some quarters (a meeting written, moved to another
 * quarter or deleted; an import's rows): the units' chains up to the root, for those quarters
 * and the rest of their years — and their formalism-flag counts (./flag-counts.ts), with those of
 * the meetings whose stored copied-minutes match the write changed (`copied`, other units' too:
 * `refreshCopiedMatches`' answer). One call per transaction is enough for any number of meetings.
 */
export async function refreshMeetingRollups(tx: Tx, changes: readonly FlagChange[], copied: readonly FlagChange[] = []): Promise<void> {
  if (changes.length === 0 && copied.length === 0) return;
  await lockRollups(tx);
  await refreshFlagCounts(tx, [...changes, ...copied]);
  if (changes.length === 0) return;
  const quarters = [...new Set(changes.flatMap((c) => quartersReached(c.quarter)))];
  await recomputeChains(
    await pathsOf(
      tx,
      changes.map((c) => c.unitId),
    ),
    async (units) => {
      await recomputeMeetingCounts(tx, units, quarters);
      await recomputeMeetingScores(tx, units, quarters);
    },
  );
}

/** Recomputes all three tables and the flag counts, every quarter, for the matched units (a move's chains, a rebuild's levels). */
export async function recomputeMeetingRollups(db: Db | Tx, units: SQL): Promise<void> {
  await recomputeUnitKinds(db, units);
  await recomputeMeetingCounts(db, units, null);
  await recomputeMeetingScores(db, units, null);
  await recomputeFlagCounts(db, units, null);
}
