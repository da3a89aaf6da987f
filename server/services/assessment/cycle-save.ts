import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { assessmentCycles } from "~/db/schema";
import { defaultCycleRules, type CycleRules } from "~/lib/assessment/rules";
import { conflict } from "~/server/errors";
import { assertCapability, type Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { assertRulesEditable } from "./cycle-load";
import type { SaveCycleInput } from "./cycle-schemas";
import { m } from "~/lib/server-message";

/** The rules `input` sets on top of `base` (the fields it leaves out keep their value). */
function mergeRules(base: CycleRules, input: SaveCycleInput): CycleRules {
  return {
    ...base,
    quotas: { good: input.quotas.good, fairlyGood: input.quotas.fairlyGood ?? null },
    weights: { ...input.weights },
    thresholds: input.thresholds ?? base.thresholds,
    caseDeductions: input.caseDeductions ?? base.caseDeductions,
    vetoes: input.vetoes ?? base.vetoes,
    dutyReportDeadline: input.dutyReportDeadline ?? base.dutyReportDeadline,
    publicityFrom: input.publicityFrom === undefined ? (base.publicityFrom ?? null) : input.publicityFrom,
    publicityTo: input.publicityTo === undefined ? (base.publicityTo ?? null) : input.publicityTo,
  };
}

/**
 * `assessment.saveCycle` (admin): opens the year's cycle with the default rules overwritten by
 * the input, or changes the rules of an open or rating one (version-checked). A publicised or
 * final year is refused: its grades are frozen, and a finished year never changes.
 */
export async function saveCycle({ db, actor }: { db: Db; actor: Actor }, input: SaveCycleInput) {
  assertCapability(actor, "manageAssessment");
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(assessmentCycles).where(eq(assessmentCycles.year, input.year)).for("update");
    if (!before) {
      const rules = mergeRules(defaultCycleRules(input.year), input);
      const [created] = await tx
        .insert(assessmentCycles)
        .values({ year: input.year, rules, partyWeight: input.partyWeight, openedBy: actor.id, updatedBy: actor.id })
        .returning();
      await writeAudit(tx, actor, {
        action: "assessment.openCycle",
        entity: "assessmentCycle",
        entityId: input.year,
        after: { status: created!.status, rules, partyWeight: input.partyWeight },
      });
      return { year: input.year, version: created!.version };
    }
    assertRulesEditable(before);
    if (input.version !== undefined && input.version !== before.version) {
      throw conflict(m("assessmentCycle.changedMeanwhile", { version: before.version }));
    }
    const rules = mergeRules(before.rules, input);
    const [after] = await tx
      .update(assessmentCycles)
      .set({
        rules,
        partyWeight: input.partyWeight,
        version: sql`${assessmentCycles.version} + 1`,
        updatedAt: new Date(),
        updatedBy: actor.id,
      })
      .where(eq(assessmentCycles.year, input.year))
      .returning();
    await writeAudit(tx, actor, {
      action: "assessment.saveCycle",
      entity: "assessmentCycle",
      entityId: input.year,
      before: { rules: before.rules, partyWeight: before.partyWeight },
      after: { rules, partyWeight: input.partyWeight },
    });
    return { year: input.year, version: after!.version };
  });
}
