import { TRPCError } from "@trpc/server";
import { m } from "~/lib/server-message";

/** Field path → human message (zh-CN first), carried by BAD_REQUEST errors to the form. */
export type FieldErrors = Record<string, string>;

export class FieldValidationError extends Error {
  constructor(public readonly fieldErrors: FieldErrors) {
    super(Object.values(fieldErrors)[0] ?? "输入有误");
    this.name = "FieldValidationError";
  }
}

export function badInput(fieldErrors: FieldErrors): TRPCError {
  const cause = new FieldValidationError(fieldErrors);
  const count = Object.keys(fieldErrors).length;
  const first = Object.entries(fieldErrors)[0];
  // Field paths are codes (`facts`, `values.L1_x`): the message names the problem in words, the path travels in fieldErrors.
  const message = count === 1 && first ? first[1] : m("errors.fieldsAreInvalid", { count });
  return new TRPCError({ code: "BAD_REQUEST", message, cause });
}

export const forbidden = (message = m("errors.forbidden")) => new TRPCError({ code: "FORBIDDEN", message });
export const notFound = (message: string) => new TRPCError({ code: "NOT_FOUND", message });
export const conflict = (message: string) => new TRPCError({ code: "CONFLICT", message });
export const preconditionFailed = (message: string) => new TRPCError({ code: "PRECONDITION_FAILED", message });
