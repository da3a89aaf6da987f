import { z } from "~/server/lib/zod";
import { createTRPCRouter, protectedProcedure } from "~/server/api/trpc";
import { unitIdSchema } from "~/server/services/report/schemas";
import { unitTree } from "~/server/services/unit/tree";

export const unitRouter = createTRPCRouter({
  tree: protectedProcedure
    .input(z.object({ rootId: unitIdSchema.optional(), depth: z.number().int().min(0).max(50).optional() }).optional())
    .query(({ ctx, input }) => unitTree(ctx, input ?? {})),
});
