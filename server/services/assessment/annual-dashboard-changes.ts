import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "~/db/client";
import type { Grade } from "~/lib/codes";
import type { Actor } from "~/server/scope";
import { annualDashboardScope, gradeOfSql } from "./annual-dashboard-scope";
import { loadCycle } from "./cycle-load";
import { gradesFrozen } from "./simulate-cycle";
import type { YearUnitInput } from "./simulate-schemas";

/**
 * `assessment.gradeChanges` (等次年度变化): for the subtree's graded units with a frozen grade this
 * year, last year's grade → this year's, counted, with the units of each cell (`from` null: not
 * graded last year). Nothing while this year is still being rated.
 */
export async function gradeChanges({ db, actor }: { db: Db; actor: Actor }, input: YearUnitInput) {
  const { root, cycle, frozen, units } = await annualDashboardScope(db, actor, input);
  const previous = await loadCycle(db, input.year - 1, { orDefaults: true });
  const base = {
    year: input.year,
    previousYear: input.year - 1,
    unitId: root.id,
    unitName: root.name,
    status: cycle.status,
    frozen,
    previousFrozen: gradesFrozen(previous.status),
  };
  if (!frozen) return { ...base, cells: [] };
  const rows = await queryRows<{ unit_id: number; name: string; grade: Grade; before: Grade | null }>(
    db,
    sql`select u.id as unit_id, u.name, ${gradeOfSql("g")} as grade, ${gradeOfSql("p")} as before
          from assessment_grades g
          join units u on u.id = g.unit_id
          left join assessment_grades p on p.unit_id = g.unit_id and p.year = ${input.year - 1}
         where g.year = ${input.year} and ${units} and ${gradeOfSql("g")} is not null
         order by u.name, u.id`,
  );
  const cells = new Map<string, { from: Grade | null; to: Grade; count: number; units: { unitId: number; name: string }[] }>();
  for (const r of rows) {
    const key = `${r.before ?? ""}>${r.grade}`;
    const cell = cells.get(key) ?? { from: r.before, to: r.grade, count: 0, units: [] };
    cell.count++;
    cell.units.push({ unitId: Number(r.unit_id), name: r.name });
    cells.set(key, cell);
  }
  return { ...base, cells: [...cells.values()] };
}
