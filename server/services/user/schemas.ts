import "server-only";
import { roles } from "~/lib/codes";
import { idSchema, maxId } from "~/lib/schemas";
import { z } from "~/server/lib/zod";
import { m } from "~/lib/server-message";

// Inputs of the user administration procedures (user.list / create / update / resetPassword / setActive).

export const userIdSchema = idSchema("用户编号", "id");

const usernameRule = m("user.username332OfAZ");
const username = z
  .string({ error: usernameRule })
  .trim()
  .regex(/^[a-z0-9_.-]{3,32}$/, { error: usernameRule });

const displayName = z
  .string({ error: m("user.nameIsRequired") })
  .trim()
  .min(1, { error: m("user.nameIsRequired") })
  .max(50, { error: m("user.nameIsAtMost50Characters") });

// The unit comes from a picker: a missing or malformed id means none was chosen.
const chooseUnit = m("user.chooseAUnit");
const unitId = z.number({ error: chooseUnit }).int({ error: chooseUnit }).positive({ error: chooseUnit }).max(maxId, { error: chooseUnit });

const role = z.enum(roles, { error: m("user.chooseARole") });

// The sign-in form accepts up to 256 characters (server/auth/authorize.ts).
const password = z
  .string({ error: m("user.passwordIsRequired") })
  .min(8, { error: m("user.passwordMustBeAtLeast8") })
  .max(256, { error: m("user.passwordIsAtMost256Characters") });

export const listUsersSchema = z
  .object({
    unitId: unitId.optional(), // the unit and everything below it
    role: role.optional(),
    active: z.boolean().optional(),
    search: z
      .string()
      .trim()
      .max(64, { error: m("user.searchTextTooLong") })
      .optional(),
    page: z.number().int().min(1).max(100_000).default(1),
    pageSize: z.number().int().min(1).max(200).default(50),
  })
  .default({ page: 1, pageSize: 50 });
export type ListUsersInput = z.infer<typeof listUsersSchema>;

export const createUserSchema = z.object({ username, displayName, role, unitId, password });
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.object({
  id: userIdSchema,
  displayName: displayName.optional(),
  role: role.optional(),
  unitId: unitId.optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const resetPasswordSchema = z.object({ id: userIdSchema, password });
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

export const setUserActiveSchema = z.object({ id: userIdSchema, active: z.boolean({ error: m("user.mustBeTrueOrFalse") }) });
export type SetUserActiveInput = z.infer<typeof setUserActiveSchema>;
