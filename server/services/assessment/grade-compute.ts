import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db, type Tx } from "~/db/client";
import type { AssessmentCycle } from "~/db/schema";
import { gradeCohort, type GradeResult } from "~/lib/assessment/grade";
import { yearBounds } from "~/lib/assessment/years";
import type { Grade } from "~/lib/codes";
import { loadGradeInputs } from "./grade-inputs";

/**
 * The computed grades of every graded unit of the cycle: quotas apply over all of them together
 * (department-wide, ranked by score), so a subtree's grades are always taken from this.
 */
export async function computeCycleGrades(
  db: Db | Tx,
  cycle: Pick<AssessmentCycle, "year" | "status" | "rules">,
  now = new Date(),
): Promise<Map<number, GradeResult>> {
  const inputs = await loadGradeInputs(db, cycle, sql`true`, now);
  return new Map(gradeCohort(inputs, cycle.rules).map((r) => [r.unitId, r]));
}

export type Secretary = { officerId: number; name: string };

/** The secretary graded for each unit `units` selects (alias `u`): in post at the year's end, or the last one in the year. */
export async function loadSecretaries(db: Db | Tx, year: number, units: SQL): Promise<Map<number, Secretary>> {
  const { from, to } = yearBounds(year);
  const rows = await queryRows<{ unitId: number; officerId: number; name: string }>(
    db,
    sql`select distinct on (o.unit_id) o.unit_id as "unitId", o.id as "officerId", p.name
          from officers o join people p on p.id = o.person_id join units u on u.id = o.unit_id
         where o.post = 'secretary' and o.from_date <= ${to} and (o.to_date is null or o.to_date >= ${from}) and ${units}
         order by o.unit_id, o.from_date desc, o.id desc`,
  );
  return new Map(rows.map((r) => [Number(r.unitId), { officerId: Number(r.officerId), name: r.name }]));
}

export type StoredGrade = { unitId: number; proposed: Grade | null; final: Grade | null; reason: string | null; version: number };

/** The stored grade rows (proposals, final grades, reasons) of the year for the units `units` selects (alias `u`). */
export async function loadStoredGrades(db: Db | Tx, year: number, units: SQL): Promise<Map<number, StoredGrade>> {
  const rows = await queryRows<StoredGrade>(
    db,
    sql`select g.unit_id as "unitId", g.proposed, g.final, g.reason, g.version
          from assessment_grades g join units u on u.id = g.unit_id where g.year = ${year} and ${units}`,
  );
  return new Map(rows.map((r) => [Number(r.unitId), { ...r, unitId: Number(r.unitId), version: Number(r.version) }]));
}

/** How many graded units end with each grade: the final grade where one is set, else the computed one. */
export function effectiveCounts(
  computed: Map<number, GradeResult>,
  stored: Map<number, StoredGrade>,
  except?: number,
): Record<Grade, number> {
  const counts: Record<Grade, number> = { good: 0, fairly_good: 0, average: 0, poor: 0 };
  for (const [unitId, r] of computed) {
    if (unitId === except) continue;
    counts[stored.get(unitId)?.final ?? r.computed]++;
  }
  return counts;
}
