import { createTRPCRouter } from "~/server/api/trpc";
import { cycleProcedures } from "./assessment/cycle";
import { dutyProcedures } from "./assessment/duty";
import { gradesProcedures } from "./assessment/grades";
import { inputsProcedures } from "./assessment/inputs";
import { simulateProcedures } from "./assessment/simulate";

/**
 * The annual assessment (年度考核, DESIGN.md "Annual assessment"), one router made of parts:
 * the cycle and its rules (cycle), duty reports (duty), the level above's appraisal and comment
 * (inputs), grades and 公示 (grades), the Party-building weight simulator (simulate).
 */
export const assessmentRouter = createTRPCRouter({
  ...cycleProcedures,
  ...dutyProcedures,
  ...inputsProcedures,
  ...gradesProcedures,
  ...simulateProcedures,
});
