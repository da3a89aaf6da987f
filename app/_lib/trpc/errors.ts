import type { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "~/server/api/root";

/**
 * A tRPC client error, recognised as `isTRPCClientError` (@trpc/client) does, by its name: this
 * module imports nothing from the tRPC client, so a form on a page rendered from server data can
 * use it (and `useServerErrors`) without bringing the query layer into the first load.
 */
const isClientError = (err: unknown): err is TRPCClientError<AppRouter> => err instanceof Error && err.name === "TRPCClientError";

/** A failed call already described (`CallError` from `./use-lazy-mutation`): kept as it is. */
const isDescribed = (err: unknown): err is Error & { code: string; fieldErrors: Record<string, string> } =>
  err instanceof Error && err.name === "CallError" && "fieldErrors" in err;

/** The code, message and per-field messages of a failed tRPC call, for forms. */
export function describeError(err: unknown): { code: string; message: string; fieldErrors: Record<string, string> } {
  if (isClientError(err)) return { code: err.data?.code ?? "UNKNOWN", message: err.message, fieldErrors: err.data?.fieldErrors ?? {} };
  if (isDescribed(err)) return { code: err.code, message: err.message, fieldErrors: err.fieldErrors };
  return { code: "UNKNOWN", message: err instanceof Error ? err.message : String(err), fieldErrors: {} };
}
