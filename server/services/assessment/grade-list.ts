import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "~/db/client";
import type { AssessmentCycle, Unit } from "~/db/schema";
import { quotaCount, type GradeBreakdown } from "~/lib/assessment/grade";
import type { Grade } from "~/lib/codes";
import { gradesFrozen } from "~/lib/assessment/cycle-status";
import { assertUnitInScope, canAccess, readableFromSql, type Actor } from "~/server/scope";
import { loadCycle } from "./cycle-load";
import { loadSecretaries, loadStoredGrades, type Secretary } from "./grade-compute";
import { liveCycleGrades } from "./grade-store";
import { gradedUnitSql } from "./grade-inputs";
import type { GradesInput } from "./grade-schemas";

export type GradeRow = {
  unitId: number;
  unitName: string;
  unitPath: string;
  depth: number;
  secretary: Secretary | null;
  score: number;
  computed: Grade;
  proposed: Grade | null;
  /** The final grade set by the level above (frozen ones: always set). */
  final: Grade | null;
  /** What the unit ends with: the final grade, else the computed one. */
  effective: Grade;
  reason: string | null;
  breakdown: GradeBreakdown;
  /** The version of the stored grade row (0: none stored yet). */
  version: number;
};

/** A row as the caller may read it: `preliminary` (预评（未公示）) hides the level above's grades and reason. */
export type VisibleGradeRow = GradeRow & { preliminary: boolean };

/**
 * Before 公示 a caller who cannot `assess` the unit (the unit itself, a leader over its own root)
 * sees the computed score and breakdown as 预评（未公示） — never the proposed or final grade or
 * the reason; from 公示 on, everything. The one home of this rule for every read returning grades.
 */
export function gradeVisibleTo(actor: Actor, status: AssessmentCycle["status"], row: GradeRow): VisibleGradeRow {
  if (gradesFrozen(status) || canAccess(actor, { id: row.unitId, path: row.unitPath }, "assess")) return { ...row, preliminary: false };
  return { ...row, proposed: null, final: null, reason: null, effective: row.computed, preliminary: true };
}

/**
 * The grades of the graded units `units` selects, with the cycle's department-wide counts:
 * from the stored annual scores while the cycle is open or rating (`liveCycleGrades`: the stale
 * ones recomputed, quotas over all graded units), the frozen rows once it is publicised.
 */
export async function gradeTable(db: Db, cycle: AssessmentCycle, units: SQL, now = new Date()) {
  const within = sql`${gradedUnitSql} and ${units}`;
  const live = !gradesFrozen(cycle.status);
  // One round of queries at once: the units, their secretaries and (live) the stored scores and grade rows.
  const [names, secretaries, liveGrades, liveStored] = await Promise.all([
    queryRows<{ id: number; name: string; path: string; depth: number }>(
      db,
      sql`select u.id, u.name, u.path, u.depth from units u where ${within}`,
    ),
    loadSecretaries(db, cycle.year, within),
    live ? liveCycleGrades(db, cycle, within, now) : null,
    live ? loadStoredGrades(db, cycle.year, within) : null,
  ]);
  let rows: Omit<GradeRow, "unitName" | "unitPath" | "depth" | "secretary">[];
  let department: Record<Grade, number>;
  let graded: number;
  if (!liveGrades || !liveStored) {
    const stored = await queryRows<{
      unitId: number;
      score: number;
      computed: Grade;
      proposed: Grade | null;
      final: Grade;
      reason: string | null;
      breakdown: GradeBreakdown;
      version: number;
      officerId: number | null;
    }>(
      db,
      sql`select g.unit_id as "unitId", g.score, g.computed, g.proposed, g.final, g.reason, g.breakdown, g.version
            from assessment_grades g join units u on u.id = g.unit_id
           where g.year = ${cycle.year} and g.computed is not null and ${units}`,
    );
    const counts = await queryRows<{ grade: Grade; n: number }>(
      db,
      sql`select coalesce(final, computed) as grade, count(*)::int as n from assessment_grades
           where year = ${cycle.year} and computed is not null group by 1`,
    );
    department = { good: 0, fairly_good: 0, average: 0, poor: 0 };
    for (const c of counts) department[c.grade] = Number(c.n);
    graded = Object.values(department).reduce((a, b) => a + b, 0);
    rows = stored.map((r) => ({ ...r, unitId: Number(r.unitId), score: Number(r.score), effective: r.final, version: Number(r.version) }));
  } else {
    const stored = liveStored;
    department = liveGrades.department;
    graded = liveGrades.graded;
    rows = liveGrades.rows.map((r) => {
      const s = stored.get(r.unitId);
      return {
        unitId: r.unitId,
        score: r.score,
        computed: r.grade,
        proposed: s?.proposed ?? null,
        final: s?.final ?? null,
        effective: s?.final ?? r.grade,
        reason: s?.reason ?? null,
        breakdown: r.breakdown,
        version: s?.version ?? 0,
      };
    });
  }
  const unitOf = new Map(names.map((n) => [Number(n.id), n]));
  const list: GradeRow[] = rows
    .filter((r) => unitOf.has(r.unitId))
    .map((r) => ({
      ...r,
      unitName: unitOf.get(r.unitId)!.name,
      unitPath: unitOf.get(r.unitId)!.path,
      depth: Number(unitOf.get(r.unitId)!.depth),
      secretary: secretaries.get(r.unitId) ?? null,
    }))
    .sort((a, b) => b.score - a.score || a.unitId - b.unitId);
  const subtree: Record<Grade, number> = { good: 0, fairly_good: 0, average: 0, poor: 0 };
  for (const r of list) subtree[r.effective]++;
  const quota = {
    graded,
    allowedGood: quotaCount(cycle.rules.quotas.good, graded),
    allowedFairlyGood: cycle.rules.quotas.fairlyGood == null ? null : quotaCount(cycle.rules.quotas.fairlyGood, graded),
    department,
    subtree,
    subtreeUnits: list.length,
  };
  return { rows: list, quota };
}

async function tableFor({ db, actor }: { db: Db; actor: Actor }, input: GradesInput) {
  const root: Unit = await assertUnitInScope(db, actor, input.unitId, "read");
  const cycle = await loadCycle(db, input.year);
  const table = await gradeTable(db, cycle, readableFromSql(actor, root, "u"));
  const rows = table.rows.map((r) => gradeVisibleTo(actor, cycle.status, r));
  // The subtree's counts from what the caller may see (a unit's own count would tell its final grade).
  const subtree: Record<Grade, number> = { good: 0, fairly_good: 0, average: 0, poor: 0 };
  for (const r of rows) subtree[r.effective]++;
  return { cycle, rows, quota: { ...table.quota, subtree } };
}

/**
 * `assessment.grades {year, unitId}`: the grades of the graded units of the subtree of `unitId`
 * (itself included; staff: their own unit only), best score first.
 */
export async function listGrades(ctx: { db: Db; actor: Actor }, input: GradesInput): Promise<(VisibleGradeRow & { canSet: boolean })[]> {
  const { cycle, rows } = await tableFor(ctx, input);
  // Whether the caller may set this unit's final grade now (the level above, while rating).
  return rows.map((r) => ({
    ...r,
    canSet: cycle.status === "rating" && canAccess(ctx.actor, { id: r.unitId, path: r.unitPath }, "assess"),
  }));
}

/** `assessment.gradeQuota {year, unitId}`: 好/较好 used against the quota, department-wide and in the subtree. */
export async function gradeQuota(ctx: { db: Db; actor: Actor }, input: GradesInput) {
  return (await tableFor(ctx, input)).quota;
}
