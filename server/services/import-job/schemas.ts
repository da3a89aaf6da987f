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
