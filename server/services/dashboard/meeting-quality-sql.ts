import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { threeMeetingsOneLecture } from "~/lib/codes";
import { heldMeetingSql, largeUnitSql } from "~/server/services/meeting/completion-rules";
import { expectationValuesSql, qualityBucketSql, type Expectation } from "./meeting-quality-rows";

/**
 * The two chart queries of `dashboard.meetingQuality`, each in two forms with the same rows:
 * read from the rollups (server/services/rollup/meeting-quality.ts) for a whole subtree, and
 * counted live from the meetings for one unit (staff) — the live form is also the oracle the
 * rollups are tested against.
 */

export type CompletionRow = { quarter: string; type: string; held: number | string; required: number | string; met: number | string };
export type BucketRow = { bucket: number | string; count: number | string };

type Range = { quarters: string[]; from: string; to: string };

const list = (xs: readonly string[]) =>
  sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  );
const quarterValues = (quarters: string[]) =>
  sql.join(
    quarters.map((q) => sql`(${q}::text)`),
    sql`, `,
  );

/**
 * 三会一课 completion per quarter and type over the active units matched by `inScope` (on `u`):
 * held / required by the frequency rules, and met (each unit capped at what it must hold).
 */
export function liveCompletionSql(inScope: SQL, table: Expectation[], range: Range): SQL {
  // Yearly rules count the meetings of the calendar year up to the quarter.
  const firstQuarter = `${range.from.slice(0, 4)}Q1`;
  return sql`with exp(unit_type, large, q4, type, expected, yearly) as (values ${expectationValuesSql(table)}),
      qs(quarter) as (values ${quarterValues(range.quarters)}),
      su as (
        select u.id, u.type, ${largeUnitSql("u")} as large
        from units u where u.active and ${inScope}
      ),
      held as (
        select m.unit_id, m.type, m.quarter, count(*) filter (where ${heldMeetingSql("m")}) as valid
        from meetings m join su on su.id = m.unit_id
        where m.type in (${list(threeMeetingsOneLecture)}) and m.quarter >= ${firstQuarter} and m.quarter <= ${range.to}
        group by m.unit_id, m.type, m.quarter
      ),
      per_unit as (
        select qs.quarter, e.type, su.id, e.expected, coalesce(sum(h.valid), 0) as held
        from su cross join qs
        join exp e on e.unit_type = su.type and e.large = su.large and e.q4 = (right(qs.quarter, 1) = '4')
        left join held h on h.unit_id = su.id and h.type = e.type
          and (h.quarter = qs.quarter or (e.yearly and h.quarter >= (left(qs.quarter, 4) || 'Q1') and h.quarter < qs.quarter))
        group by qs.quarter, e.type, su.id, e.expected
      )
    select quarter, type, sum(held) as held, sum(expected) as required, sum(least(held, expected)) as met
    from per_unit group by quarter, type`;
}

/**
 * The same rows from the rollups of the subtree of `rootId`: required = active units of each
 * kind × what the rules expect of that kind; held and met from the histogram of valid meetings
 * per unit (the quarter's, or the year's so far for a yearly rule).
 */
export function rollupCompletionSql(rootId: number, table: Expectation[], range: Range): SQL {
  return sql`with exp(unit_type, large, q4, type, expected, yearly) as (values ${expectationValuesSql(table)}),
      qs(quarter) as (values ${quarterValues(range.quarters)}),
      required as (
        select qs.quarter, e.type, sum(k.units * e.expected) as required
        from qs join exp e on e.q4 = (right(qs.quarter, 1) = '4')
        join subtree_unit_kinds k on k.root_unit_id = ${rootId} and k.unit_type = e.unit_type and k.large = e.large
        group by qs.quarter, e.type
      ),
      held as (
        select c.quarter, c.type, sum(c.units * c.held) as held, sum(c.units * least(c.held, e.expected)) as met
        from subtree_meeting_counts c
        join exp e on e.unit_type = c.unit_type and e.large = c.large and e.type = c.type
                  and e.q4 = (right(c.quarter, 1) = '4') and e.yearly = c.ytd
        where c.root_unit_id = ${rootId} and c.quarter in (select quarter from qs)
        group by c.quarter, c.type
      )
    select r.quarter, r.type, coalesce(h.held, 0) as held, r.required, coalesce(h.met, 0) as met
    from required r left join held h on h.quarter = r.quarter and h.type = r.type`;
}

/** The quality-score histogram of the meetings of the units matched by `inScope` (on `u`) in the range. */
export function liveDistributionSql(inScope: SQL, range: Range): SQL {
  return sql`select ${qualityBucketSql("m")} as bucket, count(*) as count
    from meetings m join units u on u.id = m.unit_id
    where ${inScope} and m.quarter >= ${range.from} and m.quarter <= ${range.to}
    group by 1`;
}

/** The same histogram from the rollup of the subtree of `rootId`. */
export function rollupDistributionSql(rootId: number, range: Range): SQL {
  return sql`select bucket, sum(meetings) as count from subtree_meeting_scores
    where root_unit_id = ${rootId} and quarter >= ${range.from} and quarter <= ${range.to}
    group by bucket`;
}
