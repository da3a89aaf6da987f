import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "~/db/client";
import { quotaCount } from "~/lib/assessment/grade";
import { grades, type Grade } from "~/lib/codes";
import type { Actor } from "~/server/scope";
import { annualDashboardScope, gradeOfSql } from "./annual-dashboard-scope";
import type { YearUnitInput } from "./simulate-schemas";

type Counts = Record<Grade, number>;
const zero = (): Counts => ({ good: 0, fairly_good: 0, average: 0, poor: 0 });

/**
 * `assessment.gradeDistribution` (等次分布): the frozen grades of the subtree's graded units by
 * grade — for the whole subtree and for each unit one level down (its own subtree) — with the
 * subtree's share of the 好 quota, floor(q好 × n). Nothing while the year is still being rated.
 */
export async function gradeDistribution({ db, actor }: { db: Db; actor: Actor }, input: YearUnitInput) {
  const { root, cycle, frozen, units } = await annualDashboardScope(db, actor, input);
  const quotas = { good: cycle.rules.quotas.good, fairlyGood: cycle.rules.quotas.fairlyGood ?? null };
  const base = { year: input.year, unitId: root.id, unitName: root.name, status: cycle.status, frozen, quotas };
  if (!frozen) return { ...base, total: null, children: [] };
  // The unit one level below the root that each graded unit sits in (null: the root itself).
  const rows = await queryRows<{ child: number | null; child_name: string | null; grade: Grade; n: number }>(
    db,
    sql`with graded as (
          select nullif(split_part(substr(u.path, ${root.path.length + 1}), '/', 1), '')::int as child, ${gradeOfSql("g")} as grade
            from assessment_grades g join units u on u.id = g.unit_id
           where g.year = ${input.year} and ${units} and ${gradeOfSql("g")} is not null)
        select graded.child, c.name as child_name, graded.grade, count(*)::int as n
          from graded left join units c on c.id = graded.child
         group by graded.child, c.name, graded.grade`,
  );
  const total = zero();
  const byChild = new Map<number, { unitId: number; name: string; counts: Counts }>();
  for (const r of rows) {
    total[r.grade] += Number(r.n);
    if (r.child === null) continue;
    const id = Number(r.child);
    const c = byChild.get(id) ?? { unitId: id, name: r.child_name ?? "", counts: zero() };
    c.counts[r.grade] += Number(r.n);
    byChild.set(id, c);
  }
  const withQuota = (counts: Counts) => {
    const n = grades.reduce((s, g) => s + counts[g], 0);
    return { n, counts, allowedGood: quotaCount(quotas.good, n) };
  };
  return {
    ...base,
    total: withQuota(total),
    children: [...byChild.values()]
      .sort((a, b) => a.name.localeCompare(b.name, "zh-CN") || a.unitId - b.unitId)
      .map((c) => ({ unitId: c.unitId, name: c.name, ...withQuota(c.counts) })),
  };
}
