import { createTRPCRouter, protectedProcedure } from "~/server/api/trpc";
import { closeReview } from "~/server/services/review/close";
import { createReview } from "~/server/services/review/create";
import { createDutyReview } from "~/server/services/review/create-duty";
import { decideReview } from "~/server/services/review/decide";
import { getReview } from "~/server/services/review/get";
import { listReviews } from "~/server/services/review/list";
import { proposeAgenda } from "~/server/services/review/propose";
import { proposeDutyAgenda } from "~/server/services/review/propose-duty";
import { proposeReviewGrade } from "~/server/services/review/propose-grade";
import { saveNote } from "~/server/services/review/save-note";
import {
  createDutySchema,
  createReviewSchema,
  decideSchema,
  listReviewsSchema,
  proposeDutySchema,
  proposeGradeSchema,
  proposeSchema,
  reviewIdSchema,
  saveNoteSchema,
  startReviewSchema,
  updateAgendaSchema,
} from "~/server/services/review/schemas";
import { startReview } from "~/server/services/review/start";
import { updateAgenda } from "~/server/services/review/update-agenda";

/**
 * Review meetings — 问责审议会 and 述职评议会 (kind duty_review: one slide per secretary): proposed
 * agenda, the chair's edits, the meeting itself and its minutes.
 */
export const reviewRouter = createTRPCRouter({
  propose: protectedProcedure.input(proposeSchema).query(({ ctx, input }) => proposeAgenda(ctx, input)),
  proposeDuty: protectedProcedure.input(proposeDutySchema).query(({ ctx, input }) => proposeDutyAgenda(ctx, input)),
  createDuty: protectedProcedure.input(createDutySchema).mutation(({ ctx, input }) => createDutyReview(ctx, input)),
  create: protectedProcedure.input(createReviewSchema).mutation(({ ctx, input }) => createReview(ctx, input)),
  updateAgenda: protectedProcedure.input(updateAgendaSchema).mutation(({ ctx, input }) => updateAgenda(ctx, input)),
  start: protectedProcedure.input(startReviewSchema).mutation(({ ctx, input }) => startReview(ctx, input)),
  decide: protectedProcedure.input(decideSchema).mutation(({ ctx, input }) => decideReview(ctx, input)),
  proposeGrade: protectedProcedure.input(proposeGradeSchema).mutation(({ ctx, input }) => proposeReviewGrade(ctx, input)),
  saveNote: protectedProcedure.input(saveNoteSchema).mutation(({ ctx, input }) => saveNote(ctx, input)),
  close: protectedProcedure.input(reviewIdSchema).mutation(({ ctx, input }) => closeReview(ctx, input)),
  get: protectedProcedure.input(reviewIdSchema).query(({ ctx, input }) => getReview(ctx, input)),
  list: protectedProcedure.input(listReviewsSchema).query(({ ctx, input }) => listReviews(ctx, input)),
});
