import { protectedProcedure } from "~/server/api/trpc";
import { gradeQuota, listGrades } from "~/server/services/assessment/grade-list";
import { proposeGrade } from "~/server/services/assessment/grade-propose";
import { publicityList } from "~/server/services/assessment/grade-publicity";
import { gradesSchema, proposeGradeSchema, publicitySchema, setFinalGradeSchema } from "~/server/services/assessment/grade-schemas";
import { setFinalGrade } from "~/server/services/assessment/grade-set-final";

/** The grades part of the `assessment` router: grades read in scope, final grades and proposals by the level above, the 公示 list. */
export const gradesProcedures = {
  grades: protectedProcedure.input(gradesSchema).query(({ ctx, input }) => listGrades(ctx, input)),
  gradeQuota: protectedProcedure.input(gradesSchema).query(({ ctx, input }) => gradeQuota(ctx, input)),
  setFinalGrade: protectedProcedure.input(setFinalGradeSchema).mutation(({ ctx, input }) => setFinalGrade(ctx, input)),
  proposeGrade: protectedProcedure.input(proposeGradeSchema).mutation(({ ctx, input }) => proposeGrade(ctx, input)),
  publicity: protectedProcedure.input(publicitySchema).query(({ ctx, input }) => publicityList(ctx, input)),
};
