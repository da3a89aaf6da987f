import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "~/db/client";
import type { Unit } from "~/db/schema";
import { assertUnitInScope, readableFromSql, type Actor } from "~/server/scope";
import { loadCycle } from "./cycle-load";
import { gradedUnitsSql, gradesFrozen } from "./simulate-cycle";

/**
 * What every annual-dashboard card starts from: the subtree root (read-checked), the year's
 * cycle, whether its grades are frozen (publicised/final: rows written at 公示), and the graded
 * units the caller reads from the root, as a condition on the alias `u` (staff: their own unit).
 */
export async function annualDashboardScope(db: Db, actor: Actor, input: { year: number; unitId: number }) {
  const root: Unit = await assertUnitInScope(db, actor, input.unitId, "read");
  const cycle = await loadCycle(db, input.year, { orDefaults: true });
  const units: SQL = sql`${readableFromSql(actor, root)} and ${gradedUnitsSql(root)}`;
  return { root, cycle, frozen: gradesFrozen(cycle.status), units };
}

/** A unit's grade of a frozen year: the level above's final one, else the computed one. */
export const gradeOfSql = (g: string) => sql.raw(`coalesce(${g}.final, ${g}.computed)`);
