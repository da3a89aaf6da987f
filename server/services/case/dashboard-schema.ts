import "server-only";
import { categoryCodes } from "~/lib/codes";
import { z } from "~/server/lib/zod";
import { quarterSchema, unitIdSchema } from "~/lib/schemas";
import { m } from "~/lib/server-message";

/** `case.dashboard` input: subtree root, quarter range (checked further by the service) and an optional category. */
export const caseDashboardSchema = z.object({
  unitId: unitIdSchema,
  from: quarterSchema,
  to: quarterSchema,
  category: z.enum(categoryCodes, { error: m("case.unknownCategory") }).optional(),
});
export type CaseDashboardInput = z.infer<typeof caseDashboardSchema>;
