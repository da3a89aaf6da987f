import { createTRPCRouter, protectedProcedure } from "~/server/api/trpc";
import { getReport } from "~/server/services/report/get";
import { approveReport, reopenReport, returnReport } from "~/server/services/report/review";
import { reasonSchema, reportKeySchema, saveReportSchema, transitionSchema } from "~/server/services/report/schemas";
import { saveReport } from "~/server/services/report/save";
import { submitReport } from "~/server/services/report/submit";
import { nextToReview } from "~/server/services/report/next-to-review";
import { quarterSchema, unitIdSchema } from "~/lib/schemas";
import { z } from "~/server/lib/zod";

export const reportRouter = createTRPCRouter({
  get: protectedProcedure.input(reportKeySchema).query(({ ctx, input }) => getReport(ctx, input)),
  save: protectedProcedure.input(saveReportSchema).mutation(({ ctx, input }) => saveReport(ctx, input)),
  submit: protectedProcedure.input(transitionSchema).mutation(({ ctx, input }) => submitReport(ctx, input)),
  approve: protectedProcedure.input(transitionSchema).mutation(({ ctx, input }) => approveReport(ctx, input)),
  return: protectedProcedure.input(reasonSchema).mutation(({ ctx, input }) => returnReport(ctx, input)),
  /** 下一份待审: the next submitted report the caller may approve, skipping `{unitId, quarter}`. */
  nextToReview: protectedProcedure
    .input(z.object({ unitId: unitIdSchema.optional(), quarter: quarterSchema.optional() }).optional())
    .query(({ ctx, input }) => nextToReview(ctx, input ?? {})),
  reopen: protectedProcedure.input(reasonSchema).mutation(({ ctx, input }) => reopenReport(ctx, input)),
});
