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

type Row = { unitId: number; q: number; series: string; score: number };

/**
 * The year's scores of the units that `units` selects — a SQL condition on the alias `u`
 * (from server/scope.ts: `inSubtreeSql("u", root)`, `readableFromSql(actor, root)` …). One
 * index probe of unit_scores per unit: 4 × (units) rows at most per series.
 */
export async function loadYearScores(db: Db | Tx, year: number, units: SQL): Promise<Map<number, YearScores>> {
  const quarters = [1, 2, 3, 4].map((q) => makeQuarter(year, q));
  // Driven from the units: one probe of unit_scores' primary key (unit_id, quarter, series) per
  // unit (`offset 0` keeps the planner from turning it into a scan of the whole year's facts).
  const rows = await queryRows<Row>(
    db,
    sql`select u.id as "unitId", s.q, s.series, s.score
          from units u
          cross join lateral (
            select right(f.quarter, 1)::int as q, f.series, f.score
              from unit_scores f
             where f.unit_id = u.id
               and f.quarter in (${sql.join(
                 quarters.map((q) => sql`${q}`),
                 sql`, `,
               )})
               and f.series in ('composite', 'business')
               and ${countedStatusSql("f.status", "approved")}
            offset 0) s
         where ${units}`,
  );
  const out = new Map<number, YearScores & { b: number[]; p: number[] }>();
  for (const r of rows) {
    const unitId = Number(r.unitId);
    let y = out.get(unitId);
    if (!y) {
      y = { unitId, quarterly: [null, null, null, null], party: null, business: null, b: [], p: [] };
      out.set(unitId, y);
    }
    const score = Number(r.score);
    if (r.series === "composite") {
      y.quarterly[Number(r.q) - 1] = score;
      y.p.push(score);
    } else y.b.push(score);
  }
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  const result = new Map<number, YearScores>();
  for (const [id, y] of out) result.set(id, { unitId: id, quarterly: y.quarterly, party: mean(y.p), business: mean(y.b) });
  return result;
}
