import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db, type Tx } from "~/db/client";
import { makeQuarter } from "~/lib/quarter";
import { countedStatusSql } from "~/lib/status-sql";

/**
 * A unit's year in numbers, from the analytics facts (unit_scores): the composites of its four
 * quarters from APPROVED reports (Q1…Q4, null where none), and the year's means of the approved
 * quarters — Party building (`party`: the composite) and business (业务考核得分). Null means no
 * approved quarter. The one home of “a unit's year” for grades, the weight simulator, the
 * secretary record and the annual dashboards.
 */
export type YearScores = {
  unitId: number;
  quarterly: (number | null)[];
  party: number | null;
  business: number | null;
};

type Row = {
  unitId: number;
  q1: number | null;
  q2: number | null;
  q3: number | null;
  q4: number | null;
  party: number | null;
  business: number | null;
};

/**
 * The year's scores of the units that `units` selects — a SQL condition on the alias `u`
 * (from server/scope.ts: `inSubtreeSql("u", root)`, `readableFromSql(actor, root)` …). One
 * range of unit_scores' primary key per unit, aggregated there: one row per unit with a score.
 */
export async function loadYearScores(db: Db | Tx, year: number, units: SQL): Promise<Map<number, YearScores>> {
  const quarters = [1, 2, 3, 4].map((q) => makeQuarter(year, q));
  const composite = (q: string) => sql`max(f.score) filter (where f.series = 'composite' and f.quarter = ${q})`;
  // Driven from the units: one range of unit_scores' primary key (unit_id, quarter, series) per
  // unit, aggregated there (one row per unit), so a subtree reads its own facts, not the year's.
  const rows = await queryRows<Row>(
    db,
    sql`select u.id as "unitId", s.q1, s.q2, s.q3, s.q4, s.party, s.business
          from units u
          cross join lateral (
            select ${composite(quarters[0]!)} as q1, ${composite(quarters[1]!)} as q2,
                   ${composite(quarters[2]!)} as q3, ${composite(quarters[3]!)} as q4,
                   avg(f.score) filter (where f.series = 'composite') as party,
                   avg(f.score) filter (where f.series = 'business') as business,
                   count(*) as n
              from unit_scores f
             where f.unit_id = u.id
               and f.quarter between ${quarters[0]} and ${quarters[3]}
               and f.series in ('composite', 'business')
               and ${countedStatusSql("f.status", "approved")}) s
         where s.n > 0 and ${units}`,
  );
  const num = (v: number | string | null) => (v === null ? null : Number(v));
  return new Map(
    rows.map((r) => {
      const unitId = Number(r.unitId);
      return [unitId, { unitId, quarterly: [num(r.q1), num(r.q2), num(r.q3), num(r.q4)], party: num(r.party), business: num(r.business) }];
    }),
  );
}
