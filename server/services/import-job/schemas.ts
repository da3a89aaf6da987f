import "server-only";
import { z } from "~/server/lib/zod";
import { m } from "~/lib/server-message";

export const importJobIdSchema = z.object({
  id: z.coerce
    .number({ error: m("importJob.jobIdMustBeANumber") })
    .int({ error: m("importJob.jobIdMustBeAWhole") })
    .positive({ error: m("importJob.jobIdMustBePositive") })
    .max(2_147_483_647, { error: m("importJob.jobIdTooLarge") }),
});

/** `importJob.latest`: whose page's jobs — the quarterly report's (when left out) or the officers roster's. */
export const latestImportJobSchema = z
  .object({ of: z.enum(["report", "roster"], { error: m("importJob.unknownJobPage") }).optional() })
  .optional();
export type LatestImportJobInput = z.infer<typeof latestImportJobSchema>;
