import { createTRPCRouter, protectedProcedure } from "~/server/api/trpc";
import { createCase } from "~/server/services/case/create";
import { caseDashboard } from "~/server/services/case/dashboard";
import { caseDashboardSchema } from "~/server/services/case/dashboard-schema";
import { getCase } from "~/server/services/case/get";
import { addItem, completeItem } from "~/server/services/case/items";
import { listCases } from "~/server/services/case/list";
import {
  addItemSchema,
  caseIdSchema,
  completeItemSchema,
  createCaseSchema,
  listCasesSchema,
  sourceOptionsSchema,
  transitionCaseSchema,
  updateCaseSchema,
} from "~/server/services/case/schemas";
import { caseSourceOptions } from "~/server/services/case/source-options";
import { transitionCase } from "~/server/services/case/transition";
import { updateCase } from "~/server/services/case/update";

/** Accountability cases (问责案件), DESIGN.md. Scope: `case` access to write, `read` to see. */
export const caseRouter = createTRPCRouter({
  create: protectedProcedure.input(createCaseSchema).mutation(({ ctx, input }) => createCase(ctx, input)),
  update: protectedProcedure.input(updateCaseSchema).mutation(({ ctx, input }) => updateCase(ctx, input)),
  sourceOptions: protectedProcedure.input(sourceOptionsSchema).query(({ ctx, input }) => caseSourceOptions(ctx, input)),
  transition: protectedProcedure.input(transitionCaseSchema).mutation(({ ctx, input }) => transitionCase(ctx, input)),
  list: protectedProcedure.input(listCasesSchema).query(({ ctx, input }) => listCases(ctx, input)),
  dashboard: protectedProcedure.input(caseDashboardSchema).query(({ ctx, input }) => caseDashboard(ctx, input)),
  get: protectedProcedure.input(caseIdSchema).query(({ ctx, input }) => getCase(ctx, input)),
  addItem: protectedProcedure.input(addItemSchema).mutation(({ ctx, input }) => addItem(ctx, input)),
  completeItem: protectedProcedure.input(completeItemSchema).mutation(({ ctx, input }) => completeItem(ctx, input)),
});
