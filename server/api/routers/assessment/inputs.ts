import { protectedProcedure } from "~/server/api/trpc";
import { saveAppraisal } from "~/server/services/assessment/appraisal-save";
import { saveComment } from "~/server/services/assessment/comment-save";
import {
  markItemDoneSchema,
  overdueItemsSchema,
  saveAppraisalSchema,
  saveCommentSchema,
  unitYearSchema,
} from "~/server/services/assessment/inputs-schemas";
import { listOverdueItems } from "~/server/services/assessment/item-list-overdue";
import { markItemDone } from "~/server/services/assessment/item-mark-done";
import { getUnitYear } from "~/server/services/assessment/unit-year";

/**
 * The inputs part of the `assessment` router, merged in ../assessment.ts: the level above's
 * 民主测评 and 点评 (scope "assess"), the unit marking a comment's item done ("write"), and one
 * unit's year as the pages and the 述职评议会 slides read it ("read").
 */
export const inputsProcedures = {
  saveAppraisal: protectedProcedure.input(saveAppraisalSchema).mutation(({ ctx, input }) => saveAppraisal(ctx, input)),
  saveComment: protectedProcedure.input(saveCommentSchema).mutation(({ ctx, input }) => saveComment(ctx, input)),
  markItemDone: protectedProcedure.input(markItemDoneSchema).mutation(({ ctx, input }) => markItemDone(ctx, input)),
  getUnitYear: protectedProcedure.input(unitYearSchema).query(({ ctx, input }) => getUnitYear(ctx, input)),
  overdueItems: protectedProcedure.input(overdueItemsSchema).query(({ ctx, input }) => listOverdueItems(ctx, input)),
};
