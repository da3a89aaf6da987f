import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "~/server/api/root";

/** The code, message and per-field messages of a failed tRPC call, for forms. */
export function describeError(err: unknown): { code: string; message: string; fieldErrors: Record<string, string> } {
  if (err instanceof TRPCClientError) {
    const e = err as TRPCClientError<AppRouter>;
    return { code: e.data?.code ?? "UNKNOWN", message: e.message, fieldErrors: e.data?.fieldErrors ?? {} };
  }
  return { code: "UNKNOWN", message: err instanceof Error ? err.message : String(err), fieldErrors: {} };
}
