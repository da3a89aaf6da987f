import { roles } from "~/lib/codes";
import { idSchema, maxId } from "~/lib/schemas";
import { z } from "~/server/lib/zod";

// Inputs of the user administration procedures (user.list / create / update / resetPassword / setActive).

export const userIdSchema = idSchema("用户编号", "id");

const usernameRule = "用户名须为 3–32 位小写字母、数字或 _ . -（username: 3–32 of a–z, 0–9, _ . -）";
const username = z
  .string({ error: usernameRule })
  .trim()
  .regex(/^[a-z0-9_.-]{3,32}$/, { error: usernameRule });

const displayName = z
  .string({ error: "请填写姓名（name is required）" })
  .trim()
  .min(1, { error: "请填写姓名（name is required）" })
  .max(50, { error: "姓名不能超过 50 字（name is at most 50 characters）" });

// The unit comes from a picker: a missing or malformed id means none was chosen.
const chooseUnit = "请选择所在单位（choose a unit）";
const unitId = z.number({ error: chooseUnit }).int({ error: chooseUnit }).positive({ error: chooseUnit }).max(maxId, { error: chooseUnit });

const role = z.enum(roles, { error: "请选择角色（choose a role）" });

// The sign-in form accepts up to 256 characters (server/auth/authorize.ts).
const password = z
  .string({ error: "请填写密码（password is required）" })
  .min(8, { error: "密码至少 8 位（password must be at least 8 characters）" })
  .max(256, { error: "密码不能超过 256 位（password is at most 256 characters）" });

export const listUsersSchema = z
  .object({
    unitId: unitId.optional(), // the unit and everything below it
    role: role.optional(),
    active: z.boolean().optional(),
    search: z.string().trim().max(64, { error: "搜索词过长（search text too long）" }).optional(),
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

export const setUserActiveSchema = z.object({ id: userIdSchema, active: z.boolean({ error: "须为是或否（must be true or false）" }) });
export type SetUserActiveInput = z.infer<typeof setUserActiveSchema>;
