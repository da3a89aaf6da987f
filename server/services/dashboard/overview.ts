import { sql } from "drizzle-orm";
import { queryRows, type Db } from "~/db/client";
import { categoryCodes } from "~/db/schema";
import { badInput } from "~/server/errors";
import { quarterRange } from "~/server/lib/quarter";
import { assertUnitInScope, readsOnlyOwnUnit, type Actor } from "~/server/scope";
import { caseSummary } from "~/server/services/case/summary";
import { unitScoresCte, type ReportInclusion } from "./unit-scores-sql";

export type OverviewInput = { unitId: number; from: string; to: string; include?: ReportInclusion };

type SeriesRow = { quarter: string; series: string; score: number | string | null; units: number | string };

/**
 * Composite and category score trends of a subtree: per quarter, the mean over the units that
 * reported of each unit's score. One round trip; the aggregation runs in PostgreSQL.
 */
export async function dashboardOverview({ db, actor }: { db: Db; actor: Actor }, input: OverviewInput) {
  if (input.from > input.to) throw badInput({ from: "起始季度不能晚于结束季度（from must not be after to）" });
  const quarters = quarterRange(input.from, input.to);
  if (quarters.length > 40) throw badInput({ from: "季度范围不能超过 40 个季度（range too long）" });
  const root = await assertUnitInScope(db, actor, input.unitId, "read");
  const include = input.include ?? "all";
  // Staff read their own unit only, never the subtree below it.
  const onlyRoot = readsOnlyOwnUnit(actor) ? sql`where unit_id = ${root.id}` : sql``;

  const rows = await queryRows<SeriesRow>(
    db,
    sql`${unitScoresCte({ rootPath: root.path, from: input.from, to: input.to, include })}
      select quarter, 'composite' as series, avg(composite) as score, count(*) as units
      from unit_comp ${onlyRoot}
      group by quarter
      union all
      select quarter, category_code as series, avg(score) as score, count(*) as units
      from unit_cat ${onlyRoot}
      group by quarter, category_code`,
  );

  const num = (v: number | string | null) => (v === null ? null : Number(v));
  const trend = quarters.map((quarter) => {
    const categories: Record<string, number | null> = Object.fromEntries(categoryCodes.map((c) => [c, null]));
    let composite: number | null = null;
    let unitCount = 0;
    for (const r of rows) {
      if (r.quarter !== quarter) continue;
      if (r.series === "composite") {
        composite = num(r.score);
        unitCount = Number(r.units);
      } else categories[r.series] = num(r.score);
    }
    return { quarter, composite, categories, unitCount };
  });
  const latest = [...trend].reverse().find((t) => t.composite !== null) ?? null;
  const cases = await caseSummary(db, root, { onlyRoot: readsOnlyOwnUnit(actor) });
  return { unitId: root.id, unitName: root.name, from: input.from, to: input.to, include, trend, latest, cases };
}
