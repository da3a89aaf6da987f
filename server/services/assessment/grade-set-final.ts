import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import { assessmentGrades, type Unit } from "~/db/schema";
import { quotaCount } from "~/lib/assessment/grade";
import { grades, type Grade } from "~/lib/codes";
import { badInput, conflict, preconditionFailed } from "~/server/errors";
import { assertUnitInScope, type Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { loadCycle } from "./cycle-load";
import { computeCycleGrades, effectiveCounts, loadStoredGrades } from "./grade-compute";
import { gradeLimits, type SetFinalGradeInput } from "./grade-schemas";
import { gradeEn, gradeZh, statusEn, statusZh, vetoEn, vetoZh } from "./words";
import { m } from "~/lib/server-message";

const better = (a: Grade, b: Grade) => grades.indexOf(a) < grades.indexOf(b);

/** The assessing caller's unit, checked: the level above (never the unit itself), and a graded unit (not the tree's root). */
export async function assertAssessable(tx: Tx, actor: Actor, unitId: number): Promise<Unit> {
  const unit = await assertUnitInScope(tx, actor, unitId, "assess");
  if (unit.parentId === null) throw preconditionFailed(m("assessmentGrade.rootIsNotGraded"));
  return unit;
}

/** The stored grade row of a unit, locked. */
async function storedRow(tx: Tx, year: number, unitId: number) {
  const [row] = await tx
    .select()
    .from(assessmentGrades)
    .where(and(eq(assessmentGrades.year, year), eq(assessmentGrades.unitId, unitId)))
    .for("update");
  return row;
}

/**
 * `assessment.setFinalGrade`: the level above (leaders and reviewers of an ancestor, admins) sets
 * a unit's final grade while the cycle is RATING — only then: before it the inputs are still
 * coming in, after it the grades are frozen for 公示. A grade other than the computed one needs a
 * reason; no grade above a tripped veto's cap; 好 (and 较好, when its quota is set) never beyond
 * the department-wide quota, counting every unit's final grade or else its computed one. The
 * cycle row is locked, so two leaders cannot both take the last 好.
 */
export async function setFinalGrade({ db, actor }: { db: Db; actor: Actor }, input: SetFinalGradeInput) {
  return db.transaction(async (tx) => {
    const unit = await assertAssessable(tx, actor, input.unitId);
    const cycle = await loadCycle(tx, input.year, { lock: true });
    if (cycle.status !== "rating")
      throw preconditionFailed(
        m("assessmentGrade.onlyWhileRating", { statusZh: statusZh[cycle.status], statusEn: statusEn[cycle.status] }),
      );
    const before = await storedRow(tx, input.year, unit.id);
    if (before && input.version !== undefined && input.version !== before.version) {
      throw conflict(m("assessmentGrade.changedMeanwhile", { version: before.version }));
    }
    const [computedAll, stored] = await Promise.all([computeCycleGrades(tx, cycle), loadStoredGrades(tx, input.year, sql`true`)]);
    const mine = computedAll.get(unit.id);
    if (!mine) throw preconditionFailed(m("assessmentGrade.unitNotGraded"));
    const reason = input.reason?.trim() || null;
    if (input.grade !== mine.computed && (reason?.length ?? 0) < gradeLimits.minReasonChars) {
      throw badInput({
        reason: m("assessmentGrade.reasonRequired", { computedZh: gradeZh[mine.computed], computedEn: gradeEn[mine.computed] }),
      });
    }
    const veto = mine.breakdown.vetoes.find((v) => better(input.grade, v.cap));
    if (veto) {
      throw badInput({
        grade: m("assessmentGrade.aboveVetoCap", {
          vetoZh: vetoZh[veto.code],
          vetoEn: vetoEn[veto.code],
          capZh: gradeZh[veto.cap],
          capEn: gradeEn[veto.cap],
        }),
      });
    }
    const n = computedAll.size;
    const others = effectiveCounts(computedAll, stored, unit.id);
    const allowedGood = quotaCount(cycle.rules.quotas.good, n);
    if (input.grade === "good" && others.good + 1 > allowedGood) {
      throw badInput({ grade: m("assessmentGrade.goodQuotaFull", { allowed: allowedGood, count: others.good, graded: n }) });
    }
    const fairlyQuota = cycle.rules.quotas.fairlyGood;
    if (input.grade === "fairly_good" && fairlyQuota != null && others.fairly_good + 1 > quotaCount(fairlyQuota, n)) {
      throw badInput({
        grade: m("assessmentGrade.fairlyGoodQuotaFull", { allowed: quotaCount(fairlyQuota, n), count: others.fairly_good, graded: n }),
      });
    }
    const values = { final: input.grade, reason, updatedAt: new Date(), updatedBy: actor.id };
    const [after] = before
      ? await tx
          .update(assessmentGrades)
          .set({ ...values, version: sql`${assessmentGrades.version} + 1` })
          .where(and(eq(assessmentGrades.year, input.year), eq(assessmentGrades.unitId, unit.id)))
          .returning()
      : await tx
          .insert(assessmentGrades)
          .values({ year: input.year, unitId: unit.id, ...values })
          .returning();
    await writeAudit(tx, actor, {
      action: "assessment.setFinalGrade",
      entity: "assessmentGrade",
      entityId: `${input.year}:${unit.id}`,
      unitId: unit.id,
      before: { final: before?.final ?? null, reason: before?.reason ?? null, computed: mine.computed },
      after: { final: input.grade, reason, computed: mine.computed },
    });
    return { final: input.grade, version: after!.version };
  });
}
