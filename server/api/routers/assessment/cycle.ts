import { protectedProcedure } from "~/server/api/trpc";
import { getCycle, listCycles } from "~/server/services/assessment/cycle-get";
import { moveCycle } from "~/server/services/assessment/cycle-move";
import { saveCycle } from "~/server/services/assessment/cycle-save";
import { cycleYearSchema, moveCycleSchema, saveCycleSchema } from "~/server/services/assessment/cycle-schemas";

/** The cycle part of the `assessment` router: the year's rules and status (admins change them, everyone reads them). */
export const cycleProcedures = {
  saveCycle: protectedProcedure.input(saveCycleSchema).mutation(({ ctx, input }) => saveCycle(ctx, input)),
  moveCycle: protectedProcedure.input(moveCycleSchema).mutation(({ ctx, input }) => moveCycle(ctx, input)),
  cycle: protectedProcedure.input(cycleYearSchema).query(({ ctx, input }) => getCycle(ctx, input)),
  cycles: protectedProcedure.query(({ ctx }) => listCycles(ctx)),
};
