import "server-only";
import { z } from "~/server/lib/zod";
import { unitIdSchema } from "~/lib/schemas";
import { m } from "~/lib/server-message";

// Inputs of the Party-building weight simulator (assessment.simulate*, adoptPartyWeight) and the annual dashboards.

/** An assessment year (考核年度). */
export const assessmentYearSchema = z
  .number({ error: m("simulate.yearMustBeAYear") })
  .int({ error: m("simulate.yearMustBeAYear") })
  .min(2000, { error: m("simulate.yearOutOfRange") })
  .max(2100, { error: m("simulate.yearOutOfRange") });

/** The weight of Party building in the combined assessment, 0–1 (the page shows it as 0–100 %). */
export const partyWeightSchema = z
  .number({ error: m("simulate.weightMustBeANumber") })
  .min(0, { error: m("simulate.weightOutOfRange") })
  .max(1, { error: m("simulate.weightOutOfRange") });

export const simulateInput = z.object({ year: assessmentYearSchema, unitId: unitIdSchema, partyWeight: partyWeightSchema });
export type SimulateInput = z.infer<typeof simulateInput>;

/** A year and a subtree: the simulator's setting and the annual dashboards. */
export const yearUnitInput = z.object({ year: assessmentYearSchema, unitId: unitIdSchema });
export type YearUnitInput = z.infer<typeof yearUnitInput>;

export const adoptPartyWeightInput = z.object({
  year: assessmentYearSchema,
  partyWeight: partyWeightSchema,
  version: z.number({ error: m("simulate.versionRequired") }).int({ error: m("simulate.versionRequired") }),
});
export type AdoptPartyWeightInput = z.infer<typeof adoptPartyWeightInput>;
