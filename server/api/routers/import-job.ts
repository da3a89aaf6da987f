import { createTRPCRouter, protectedProcedure } from "~/server/api/trpc";
import { getImportJob, latestImportJob } from "~/server/services/import-job/get";
import { importJobIdSchema, latestImportJobSchema } from "~/server/services/import-job/schemas";
import { startImportJob } from "~/server/services/import-job/start";
import { importFileSchema } from "~/server/services/spreadsheet/schemas";

// The page's import: started as a background job, followed by polling (the user may leave and come back).
export const importJobRouter = createTRPCRouter({
  start: protectedProcedure.input(importFileSchema).mutation(({ ctx, input }) => startImportJob(ctx, input)),
  get: protectedProcedure.input(importJobIdSchema).query(({ ctx, input }) => getImportJob(ctx, input)),
  latest: protectedProcedure.input(latestImportJobSchema).query(({ ctx, input }) => latestImportJob(ctx, input)),
});
