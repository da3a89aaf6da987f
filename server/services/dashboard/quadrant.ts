import { sql } from "drizzle-orm";
import { queryRows, type Db } from "~/db/client";
import { assertUnitInScope, readsOnlyOwnUnit, type Actor } from "~/server/scope";
import { childUnits } from "./children";
import { splitQuadrant, type QuadrantPoint } from "./quadrant-points";
import { readSubtreeScores } from "./scores";
import type { ReportInclusion } from "./unit-scores-sql";

export type QuadrantLevel = "children" | "leaves";
export type QuadrantInput = { unitId: number; quarter: string; include?: ReportInclusion; level?: QuadrantLevel };

/** Every leaf unit (党支部) of a subtree with both scores in a quarter, from the fact table. */
async function leafPoints(db: Db, rootPath: string, quarter: string, include: ReportInclusion): Promise<QuadrantPoint[]> {
  const statuses = include === "approved" ? sql`'approved'` : sql`'approved', 'submitted'`;
  const rows = await queryRows<{ id: number; name: string; business: number | string; party: number | string }>(
    db,
    sql`select u.id, u.name, b.score as business, c.score as party
        from units u
        join unit_scores c on c.unit_id = u.id and c.quarter = ${quarter} and c.series = 'composite' and c.status in (${statuses})
        join unit_scores b on b.unit_id = u.id and b.quarter = ${quarter} and b.series = 'business' and b.status in (${statuses})
        where u.path like ${`${rootPath}%`}
          and not exists (select 1 from units k where k.parent_id = u.id)
        order by u.id`,
  );
  return rows.map((r) => ({ id: Number(r.id), name: r.name, business: Number(r.business), party: Number(r.party), hasChildren: false }));
}

/**
 * `dashboard.quadrant` (重业务轻党建): each unit of the next level (its subtree means, from the
 * rollups) or every leaf of the subtree, as business score against Party-building composite.
 */
export async function dashboardQuadrant({ db, actor }: { db: Db; actor: Actor }, input: QuadrantInput) {
  const root = await assertUnitInScope(db, actor, input.unitId, "read");
  const include = input.include ?? "approved";
  const level = input.level ?? "children";
  let points: QuadrantPoint[] = [];
  if (!readsOnlyOwnUnit(actor)) {
    if (level === "leaves") points = await leafPoints(db, root.path, input.quarter, include);
    else {
      const children = await childUnits(db, root.id);
      const scores = await readSubtreeScores(db, children.map((c) => c.id), { from: input.quarter, to: input.quarter }, include);
      for (const c of children) {
        const s = scores.get(c.id)?.get(input.quarter);
        if (s?.business != null && s.composite != null) {
          points.push({ id: c.id, name: c.name, business: s.business, party: s.composite, hasChildren: c.hasChildren });
        }
      }
    }
  }
  return { unitId: root.id, quarter: input.quarter, include, level, points, ...splitQuadrant(points) };
}
