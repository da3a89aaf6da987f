import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "~/db/client";
import { assertUnitInScope, belowSql, readsOnlyOwnUnit, type Actor } from "~/server/scope";
import { breadcrumb } from "./breadcrumb";
import { childUnits } from "./children";
import { splitQuadrant, type QuadrantPoint } from "./quadrant-points";
import { readSubtreeScores } from "./scores";
import { getSetting } from "~/server/services/settings/get";
import { defaultInclusion, type ReportInclusion } from "~/lib/status";
import { countedStatusSql } from "~/lib/status-sql";

export type QuadrantLevel = "children" | "units";
export type QuadrantInput = { unitId: number; quarter: string; include?: ReportInclusion; level?: QuadrantLevel };

/**
 * Every unit below the root, each by its own report (not its subtree), with both scores in a
 * quarter — from the fact table. Leaves (党支部) and the 党委/党总支 that report for themselves.
 */
async function unitPoints(db: Db, rootPath: string, quarter: string, include: ReportInclusion): Promise<QuadrantPoint[]> {
  const rows = await queryRows<{ id: number; name: string; business: number | string; party: number | string; has_children: boolean }>(
    db,
    sql`select u.id, u.name, b.score as business, c.score as party,
               exists (select 1 from units k where k.parent_id = u.id) as has_children
        from units u
        join unit_scores c on c.unit_id = u.id and c.quarter = ${quarter} and c.series = 'composite' and ${countedStatusSql("c.status", include)}
        join unit_scores b on b.unit_id = u.id and b.quarter = ${quarter} and b.series = 'business' and ${countedStatusSql("b.status", include)}
        where ${belowSql("u", { path: rootPath })}
        order by u.id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    business: Number(r.business),
    party: Number(r.party),
    hasChildren: !!r.has_children,
  }));
}

/**
 * `dashboard.quadrant` (重业务轻党建): each unit of the next level (its subtree means, from the
 * rollups) or every unit below it by its own report, as business score against Party-building composite.
 */
export async function dashboardQuadrant({ db, actor }: { db: Db; actor: Actor }, input: QuadrantInput) {
  const root = await assertUnitInScope(db, actor, input.unitId, "read");
  const include = input.include ?? defaultInclusion;
  const level = input.level ?? "children";
  let points: QuadrantPoint[] = [];
  const children = readsOnlyOwnUnit(actor) ? [] : await childUnits(db, root.id);
  if (children.length > 0) {
    if (level === "units") points = await unitPoints(db, root.path, input.quarter, include);
    else {
      const scores = await readSubtreeScores(
        db,
        children.map((c) => c.id),
        { from: input.quarter, to: input.quarter },
        include,
      );
      for (const c of children) {
        const s = scores.get(c.id)?.get(input.quarter);
        if (s?.business != null && s.composite != null) {
          points.push({ id: c.id, name: c.name, business: s.business, party: s.composite, hasChildren: c.hasChildren });
        }
      }
    }
  }
  return {
    unitId: root.id,
    unitName: root.name,
    breadcrumb: await breadcrumb(db, actor, root),
    /** Units one level down that the caller may read (0 for staff): says why a quadrant is empty. */
    childCount: children.length,
    quarter: input.quarter,
    include,
    level,
    points,
    ...splitQuadrant(points, await getSetting(db, "quadrantCutoff")),
  };
}
