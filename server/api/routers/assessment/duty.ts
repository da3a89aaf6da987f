import { protectedProcedure } from "~/server/api/trpc";
import { acceptDutyReport, returnDutyReport } from "~/server/services/assessment/duty-decide";
import { listDutyReports } from "~/server/services/assessment/duty-list";
import { saveDutyReport } from "~/server/services/assessment/duty-save";
import {
  dutyReportKeySchema,
  listDutyReportsSchema,
  returnDutyReportSchema,
  saveDutyReportSchema,
} from "~/server/services/assessment/duty-schemas";
import { submitDutyReport } from "~/server/services/assessment/duty-submit";

/**
 * The duty part of the `assessment` router, merged in ../assessment.ts: duty reports (述职报告)
 * written and submitted by the unit ("write"), accepted or returned by the level above
 * ("assess"), listed for a subtree ("read").
 */
export const dutyProcedures = {
  saveDutyReport: protectedProcedure.input(saveDutyReportSchema).mutation(({ ctx, input }) => saveDutyReport(ctx, input)),
  submitDutyReport: protectedProcedure.input(dutyReportKeySchema).mutation(({ ctx, input }) => submitDutyReport(ctx, input)),
  returnDutyReport: protectedProcedure.input(returnDutyReportSchema).mutation(({ ctx, input }) => returnDutyReport(ctx, input)),
  acceptDutyReport: protectedProcedure.input(dutyReportKeySchema).mutation(({ ctx, input }) => acceptDutyReport(ctx, input)),
  listDutyReports: protectedProcedure.input(listDutyReportsSchema).query(({ ctx, input }) => listDutyReports(ctx, input)),
};
