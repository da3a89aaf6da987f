import { eq } from "drizzle-orm";
import { assessmentCycles, officers, type AssessmentCycleStatus, type Unit } from "~/db/schema";
import { defaultCycleRules } from "~/lib/assessment/rules";
import { setCycle } from "../assessment-fixtures";
import type { Fixtures } from "./fixtures";

/**
 * The annual assessment's records for the matrix and the fuzzer (duty reports, appraisals,
 * comments and their items), made by the admin through the services, on a year of their own
 * whose cycle is in rating (duty reports, appraisals and comments all take input then); and the
 * cycles and officers the grade, 公示 and roster procedures are called on.
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

/** A text long enough to submit (the unit's id in it, so no two reports match as copies). */
export const dutyText = (unit: Unit) =>
  Array.from(
    { length: 12 },
    (_, i) => `单位${unit.id}第${i + 1}项：本年度围绕党建重点任务开展学习${i + 2}次，解决实际问题${i + 1}件。`,
  ).join("");

/**
 * The unit's duty report of a year of the matrix, saved by the admin and brought to `state`:
 * a draft on the matrix's year; a submitted one on a year of its own per `key` (a report
 * accepted by one procedure's caller is no longer there to return for another's).
 */
export function dutyReport(fx: Fixtures, unit: Unit, state: "draft" | "submitted", key: "accept" | "return" = "accept") {
  return fx.once(`dutyReport:${state}:${key}:${unit.id}`, async () => {
    await assessmentCycle(fx);
    const year = state === "draft" ? AY : key === "accept" ? AY - 1 : AY - 2;
    if (state === "submitted") await fx.once(`cycle:${year}`, () => setCycle(fx.db, year, "rating"));
    await fx.admin.assessment.saveDutyReport({ year, unitId: unit.id, text: dutyText(unit) });
    if (state === "submitted") await fx.admin.assessment.submitDutyReport({ year, unitId: unit.id });
    return { year, unitId: unit.id };
  });
}

/** Assessment years the fixtures use: one cycle per status (a fresh one per call where a call moves it). */
export const Y = { rating: 2024, publicised: 2023 } as const;
export const cycleOf = (fx: Fixtures, year: number, status: AssessmentCycleStatus) =>
  fx.once(`cycle:${year}`, async () => {
    const rules = { ...defaultCycleRules(year), publicityFrom: `${year + 1}-02-01`, publicityTo: `${year + 1}-02-07` };
    await fx.db.insert(assessmentCycles).values({ year, status, rules }).onConflictDoNothing();
    return year;
  });

/** A tenure (委员, so the one-secretary rule is never in the way) on the roster of `u`, made once per key by the admin. */
export const officerOf = (u: Unit, fx: Fixtures, key: string) =>
  fx.once(`officer:${key}:${u.id}`, () =>
    fx.admin.officer.create({
      unitId: u.id,
      name: "授权测试委员",
      post: "member",
      fullTime: false,
      concurrentHead: false,
      from: "2024-01-01",
    }),
  );
export const officerVersion = async (fx: Fixtures, id: number) =>
  (await fx.db.select({ version: officers.version }).from(officers).where(eq(officers.id, id)))[0]!.version;
