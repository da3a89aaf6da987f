import type { Unit } from "~/db/schema";
import { setCycle } from "../assessment-fixtures";
import type { Fixtures } from "./fixtures";

/**
 * The annual assessment's records for the matrix and the fuzzer (duty reports, appraisals,
 * comments and their items), made by the admin through the services, on a year of their own
 * whose cycle is in rating (duty reports, appraisals and comments all take input then).
 */
export const AY = 2030;

export const assessmentCycle = (fx: Fixtures) => fx.once("cycle", () => setCycle(fx.db, AY, "rating"));

/** A fresh open item of the superior's comment on the unit (each call its own: marking one done is final). */
export async function freshCommentItem(fx: Fixtures, unit: Unit) {
  await assessmentCycle(fx);
  const { itemIds } = await fx.admin.assessment.saveComment({
    year: AY,
    unitId: unit.id,
    text: "授权测试点评",
    items: [{ content: `授权测试整改事项 ${fx.next()}`, deadline: `${AY + 1}-06-30` }],
  });
  return { id: itemIds[0]! };
}
