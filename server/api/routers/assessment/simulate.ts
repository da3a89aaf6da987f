import { analyticsProcedure, protectedProcedure } from "~/server/api/trpc";
import { gradeChanges } from "~/server/services/assessment/annual-dashboard-changes";
import { gradeDistribution } from "~/server/services/assessment/annual-dashboard-distribution";
import { gradeQuadrant } from "~/server/services/assessment/annual-dashboard-quadrant";
import { simulatePartyWeight, simulatorSetup } from "~/server/services/assessment/simulate";
import { adoptPartyWeight } from "~/server/services/assessment/simulate-adopt";
import { adoptPartyWeightInput, simulateInput, yearUnitInput } from "~/server/services/assessment/simulate-schemas";

/**
 * The simulate part of the `assessment` router (annual assessment), merged in ../assessment.ts:
 * the Party-building weight simulator (simulate, simulatorSetup, adoptPartyWeight) and the
 * annual dashboards' reads (gradeDistribution, gradeChanges, gradeQuadrant).
 */
export const simulateProcedures = {
  simulate: analyticsProcedure.input(simulateInput).query(({ ctx, input }) => simulatePartyWeight(ctx, input)),
  simulatorSetup: analyticsProcedure.input(yearUnitInput).query(({ ctx, input }) => simulatorSetup(ctx, input)),
  adoptPartyWeight: protectedProcedure.input(adoptPartyWeightInput).mutation(({ ctx, input }) => adoptPartyWeight(ctx, input)),
  gradeDistribution: analyticsProcedure.input(yearUnitInput).query(({ ctx, input }) => gradeDistribution(ctx, input)),
  gradeChanges: analyticsProcedure.input(yearUnitInput).query(({ ctx, input }) => gradeChanges(ctx, input)),
  gradeQuadrant: analyticsProcedure.input(yearUnitInput).query(({ ctx, input }) => gradeQuadrant(ctx, input)),
};
