import { createTRPCRouter, protectedProcedure } from "~/server/api/trpc";
import { getReport } from "~/server/services/report/get";
import { reportKeySchema, saveReportSchema } from "~/server/services/report/schemas";
import { saveReport } from "~/server/services/report/save";

export const reportRouter = createTRPCRouter({
  get: protectedProcedure.input(reportKeySchema).query(({ ctx, input }) => getReport(ctx, input)),
  save: protectedProcedure.input(saveReportSchema).mutation(({ ctx, input }) => saveReport(ctx, input)),
});
