import "server-only";
import type { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { localiseServerMessage, m } from "~/lib/server-message";
import { fieldErrorsOf } from "./field-errors";

/**
 * What a caller is told about a failed procedure, in its UI language (none: both languages):
 * bad input names up to three fields, an internal fault says only that, anything else its own
 * message. The one home of that rule, for the HTTP answer (trpc.ts) and for pages that call the
 * procedures on the server (app/_lib/trpc/server.tsx `readForPage`).
 */
export function publicError(error: TRPCError, locale: string | null | undefined) {
  const fieldErrors = fieldErrorsOf(error.cause, locale);
  const message =
    error.cause instanceof ZodError && fieldErrors
      ? `${locale === "en" ? "Invalid input: " : "输入有误："}${Object.entries(fieldErrors)
          .slice(0, 3)
          .map(([, v]) => v)
          .join(locale === "en" ? "; " : "；")}`
      : error.code === "INTERNAL_SERVER_ERROR"
        ? m("api.internalError")
        : localiseServerMessage(error.message, locale);
  return { message, fieldErrors };
}
