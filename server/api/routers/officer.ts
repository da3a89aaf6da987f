import { createTRPCRouter, protectedProcedure } from "~/server/api/trpc";
import { addOfficerOutcome } from "~/server/services/officer/add-outcome";
import { createOfficer } from "~/server/services/officer/create";
import { endOfficer } from "~/server/services/officer/end";
import { listOfficers } from "~/server/services/officer/list";
import { searchPeople } from "~/server/services/officer/people";
import { getOfficerRecord } from "~/server/services/officer/record";
import { getSecretaryOn } from "~/server/services/officer/secretary-on";
import { importRoster } from "~/server/services/officer-import/import";
import { previewRosterImport } from "~/server/services/officer-import/preview";
import { importFileSchema } from "~/server/services/spreadsheet/schemas";
import {
  addOutcomeSchema,
  createOfficerSchema,
  endOfficerSchema,
  listOfficersSchema,
  officerIdSchema,
  searchPeopleSchema,
  secretaryOnSchema,
  updateOfficerSchema,
} from "~/server/services/officer/schemas";
import { updateOfficer } from "~/server/services/officer/update";

/** Officers (班子成员/书记 roster) and the secretary record (干部考察参考). Roster writes: capability manageAssessment; reads: "read". */
export const officerRouter = createTRPCRouter({
  list: protectedProcedure.input(listOfficersSchema).query(({ ctx, input }) => listOfficers(ctx, input)),
  create: protectedProcedure.input(createOfficerSchema).mutation(({ ctx, input }) => createOfficer(ctx, input)),
  update: protectedProcedure.input(updateOfficerSchema).mutation(({ ctx, input }) => updateOfficer(ctx, input)),
  end: protectedProcedure.input(endOfficerSchema).mutation(({ ctx, input }) => endOfficer(ctx, input)),
  people: protectedProcedure.input(searchPeopleSchema).query(({ ctx, input }) => searchPeople(ctx, input)),
  secretaryOn: protectedProcedure.input(secretaryOnSchema).query(({ ctx, input }) => getSecretaryOn(ctx, input)),
  record: protectedProcedure.input(officerIdSchema).query(({ ctx, input }) => getOfficerRecord(ctx, input)),
  addOutcome: protectedProcedure.input(addOutcomeSchema).mutation(({ ctx, input }) => addOfficerOutcome(ctx, input)),
  previewImport: protectedProcedure.input(importFileSchema).mutation(({ ctx, input }) => previewRosterImport(ctx, input)),
  import: protectedProcedure.input(importFileSchema).mutation(({ ctx, input }) => importRoster(ctx, input)),
});
