import { createTRPCRouter, protectedProcedure } from "~/server/api/trpc";
import { getReport } from "~/server/services/report/get";
import { approveReport, reopenReport, returnReport } from "~/server/services/report/review";
import { reasonSchema, reportKeySchema, saveReportSchema, transitionSchema } from "~/server/services/report/schemas";
import { saveReport } from "~/server/services/report/save";
import { submitReport } from "~/server/services/report/submit";

export const reportRouter = createTRPCRouter({
  get: protectedProcedure.input(reportKeySchema).query(({ ctx, input }) => getReport(ctx, input)),
  save: protectedProcedure.input(saveReportSchema).mutation(({ ctx, input }) => saveReport(ctx, input)),
  submit: protectedProcedure.input(transitionSchema).mutation(({ ctx, input }) => submitReport(ctx, input)),
  approve: protectedProcedure.input(transitionSchema).mutation(({ ctx, input }) => approveReport(ctx, input)),
  return: protectedProcedure.input(reasonSchema).mutation(({ ctx, input }) => returnReport(ctx, input)),
  reopen: protectedProcedure.input(reasonSchema).mutation(({ ctx, input }) => reopenReport(ctx, input)),
});
