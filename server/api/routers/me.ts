import { createTRPCRouter, protectedProcedure } from "~/server/api/trpc";

export const meRouter = createTRPCRouter({
  /** The signed-in user, as the server sees them now. */
  get: protectedProcedure.query(({ ctx }) => {
    const { id, username, displayName, role, unitId } = ctx.actor;
    return { id, username, displayName, role, unitId };
  }),
});
