import "server-only";
import { unitIdSchema } from "~/lib/schemas";
import { z } from "~/server/lib/zod";

/** `GET /api/export/officers?unit=<id>`: the roster template of the unit and the units below it. */
export const rosterTemplateQuerySchema = z.object({ unit: unitIdSchema }).transform((q) => ({ unitId: q.unit }));
