import { eq } from "drizzle-orm";
import { assessmentCycles, units, type Unit } from "~/db/schema";
import { defaultCycleRules } from "~/lib/assessment/rules";
import type { Fixtures } from "./fixtures";

/** The assessment year of the 述职评议会 rows: one no other fixture uses, its cycle open. */
export const dutyYear = 2030;

/** The open cycle of `dutyYear` (once per database). */
export const dutyCycle = (fx: Fixtures) =>
  fx.once("dutyCycle", async () => {
    await fx.db
      .insert(assessmentCycles)
      .values({ year: dutyYear, status: "open", rules: defaultCycleRules(dutyYear) })
      .onConflictDoNothing();
    return dutyYear;
  });

/**
 * A running 述职评议会 held by the level above `unit` (its parent's subtree; the tree's root holds
 * its own, hearing branch A) with `unit` on the agenda where it can be heard — so a chair may
 * grade it exactly when they assess it (scope "assess": below their own unit).
 */
export const dutyReview = (unit: Unit, key: string, fx: Fixtures) =>
  fx.once(`dutyReview:${key}:${unit.id}`, async () => {
    await dutyCycle(fx);
    const [parent] = unit.parentId === null ? [] : await fx.db.select().from(units).where(eq(units.id, unit.parentId));
    const { id } = await fx.admin.review.createDuty({
      unitId: (parent ?? unit).id,
      year: dutyYear,
      title: `授权测试述职评议会 ${fx.next()}`,
      unitIds: [parent ? unit.id : fx.tree.branchA.id],
    });
    await fx.admin.review.start({ id });
    return { id };
  });
