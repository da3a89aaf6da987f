import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "~/db/client";
import { threeMeetingsOneLecture } from "~/lib/codes";
import { assertUnitInScope, readableFromSql, type Actor } from "~/server/scope";
import { MIN_MEMBERS_FOR_COMMITTEE, quorumTypes } from "~/server/services/meeting/completion-rules";
import { meetingFlags } from "~/server/services/meeting/flags";
import { getSetting } from "~/server/services/settings/get";
import { breadcrumb } from "./breadcrumb";
import { BUCKET_COUNT, expectationTable, fillCompletion, fillDistribution } from "./meeting-quality-rows";
import { checkedRange } from "~/server/lib/quarter-range";

export type MeetingQualityInput = { unitId: number; from: string; to: string };

type CompletionRow = { quarter: string; type: string; held: number | string; required: number | string; met: number | string };
type BucketRow = { bucket: number | string; count: number | string };

const list = (xs: readonly string[]) =>
  sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  );

/**
 * Meeting quality of a subtree (staff: their own unit) over a quarter range: 三会一课
 * completion per quarter and type (held / required by the frequency rules, summed over the
 * active units expected to hold them), the histogram of meeting quality scores, and the
 * formalism flags. Completion and histogram are one GROUP BY query each.
 */
export async function dashboardMeetingQuality({ db, actor }: { db: Db; actor: Actor }, input: MeetingQualityInput) {
  const quarters = checkedRange(input.from, input.to);
  const root = await assertUnitInScope(db, actor, input.unitId, "read");
  const inScope = readableFromSql(actor, root, "u");

  const table = expectationTable(await getSetting(db, "meetingFrequencies"));
  const expRows = table.length
    ? sql.join(
        table.map(
          (e) =>
            sql`(${e.unitType}::text, ${e.large}::boolean, ${e.q4}::boolean, ${e.type}::text, ${e.expected}::int, ${e.yearly}::boolean)`,
        ),
        sql`, `,
      )
    : sql`(null::text, null::boolean, null::boolean, null::text, 0, false)`;
  const quarterRows = sql.join(
    quarters.map((q) => sql`(${q}::text)`),
    sql`, `,
  );
  // Yearly rules count the meetings of the calendar year up to the quarter.
  const firstQuarter = `${input.from.slice(0, 4)}Q1`;

  const completionQuery = sql`with exp(unit_type, large, q4, type, expected, yearly) as (values ${expRows}),
      qs(quarter) as (values ${quarterRows}),
      su as (
        select u.id, u.type, u.member_count >= ${MIN_MEMBERS_FOR_COMMITTEE}::int as large
        from units u where u.active and ${inScope}
      ),
      held as (
        select m.unit_id, m.type, m.quarter,
               count(*) filter (where m.type not in (${list(quorumTypes)}) or m.present * 2 > m.expected) as valid
        from meetings m join su on su.id = m.unit_id
        where m.type in (${list(threeMeetingsOneLecture)}) and m.quarter >= ${firstQuarter} and m.quarter <= ${input.to}
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

  const distributionQuery = sql`select least(floor(m.quality_score / 10), ${BUCKET_COUNT - 1}::int)::int as bucket, count(*) as count
    from meetings m join units u on u.id = m.unit_id
    where ${inScope} and m.quarter >= ${input.from} and m.quarter <= ${input.to}
    group by 1`;

  const [completion, buckets, flags, trail] = await Promise.all([
    queryRows<CompletionRow>(db, completionQuery),
    queryRows<BucketRow>(db, distributionQuery),
    meetingFlags({ db, actor }, { unitId: root.id, from: input.from, to: input.to }),
    breadcrumb(db, actor, root),
  ]);

  return {
    unitId: root.id,
    unitName: root.name,
    from: input.from,
    to: input.to,
    breadcrumb: trail,
    completion: fillCompletion(quarters, completion),
    distribution: fillDistribution(buckets),
    flags,
  };
}
