import { createTRPCRouter, protectedProcedure } from "~/server/api/trpc";
import { createUser } from "~/server/services/user/create";
import { listUsers } from "~/server/services/user/list";
import { resetPassword } from "~/server/services/user/reset-password";
import {
  createUserSchema,
  listUsersSchema,
  resetPasswordSchema,
  setUserActiveSchema,
  updateUserSchema,
} from "~/server/services/user/schemas";
import { setUserActive } from "~/server/services/user/set-active";
import { updateUser } from "~/server/services/user/update";

/** User administration (admin only; the services check the capability). */
export const userRouter = createTRPCRouter({
  list: protectedProcedure.input(listUsersSchema).query(({ ctx, input }) => listUsers(ctx, input)),
  create: protectedProcedure.input(createUserSchema).mutation(({ ctx, input }) => createUser(ctx, input)),
  update: protectedProcedure.input(updateUserSchema).mutation(({ ctx, input }) => updateUser(ctx, input)),
  resetPassword: protectedProcedure.input(resetPasswordSchema).mutation(({ ctx, input }) => resetPassword(ctx, input)),
  setActive: protectedProcedure.input(setUserActiveSchema).mutation(({ ctx, input }) => setUserActive(ctx, input)),
});
