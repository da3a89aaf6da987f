import { createTRPCRouter, protectedProcedure } from "~/server/api/trpc";
import { importSpreadsheet } from "~/server/services/spreadsheet/import";
import { previewImport } from "~/server/services/spreadsheet/preview";
import { importFileSchema } from "~/server/services/spreadsheet/schemas";

// Both are mutations: the file travels in the request body, far beyond what a GET URL holds.
export const spreadsheetRouter = createTRPCRouter({
  preview: protectedProcedure.input(importFileSchema).mutation(({ ctx, input }) => previewImport(ctx, input)),
  import: protectedProcedure.input(importFileSchema).mutation(({ ctx, input }) => importSpreadsheet(ctx, input)),
});
