import { createTRPCRouter, protectedProcedure } from "~/server/api/trpc";
import { checkMinutes } from "~/server/services/meeting/check-minutes";
import { meetingCompletion } from "~/server/services/meeting/completion";
import { createMeeting } from "~/server/services/meeting/create";
import { deleteMeeting } from "~/server/services/meeting/delete";
import { meetingFlags } from "~/server/services/meeting/flags";
import { meetingFlagsPage } from "~/server/services/meeting/flags-page";
import { getMeeting, listMeetings } from "~/server/services/meeting/list";
import {
  checkMinutesSchema,
  completionSchema,
  deleteMeetingSchema,
  flagsPageSchema,
  flagsSchema,
  listMeetingsSchema,
  meetingIdSchema,
  meetingInputSchema,
  updateMeetingSchema,
} from "~/server/services/meeting/schemas";
import { updateMeeting } from "~/server/services/meeting/update";

export const meetingRouter = createTRPCRouter({
  create: protectedProcedure.input(meetingInputSchema).mutation(({ ctx, input }) => createMeeting(ctx, input)),
  update: protectedProcedure.input(updateMeetingSchema).mutation(({ ctx, input }) => updateMeeting(ctx, input)),
  delete: protectedProcedure.input(deleteMeetingSchema).mutation(({ ctx, input }) => deleteMeeting(ctx, input)),
  list: protectedProcedure.input(listMeetingsSchema).query(({ ctx, input }) => listMeetings(ctx, input)),
  get: protectedProcedure.input(meetingIdSchema).query(({ ctx, input }) => getMeeting(ctx, input)),
  completion: protectedProcedure.input(completionSchema).query(({ ctx, input }) => meetingCompletion(ctx, input)),
  flags: protectedProcedure.input(flagsSchema).query(({ ctx, input }) => meetingFlags(ctx, input)),
  flagsPage: protectedProcedure.input(flagsPageSchema).query(({ ctx, input }) => meetingFlagsPage(ctx, input)),
  checkMinutes: protectedProcedure.input(checkMinutesSchema).query(({ ctx, input }) => checkMinutes(ctx, input)),
});
