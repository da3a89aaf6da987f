import type { TRPCClientErrorLike } from "@trpc/client";
import type { AppRouter } from "~/server/api/root";

type Described = { code: string; message: string; fieldErrors: Record<string, string> };

/**
 * The code, message and per-field messages of a failed tRPC call, for forms: a `TRPCClientError`
 * (React Query's mutations) or a `CallError` (`useLazyMutation`, already described). Recognised by
 * shape, not `instanceof`, so this module does not bring the tRPC client into a page's first load.
 */
export function describeError(err: unknown): Described {
  if (err instanceof Error && "fieldErrors" in err && "code" in err) {
    const e = err as Error & Omit<Described, "message">;
    return { code: e.code, message: e.message, fieldErrors: e.fieldErrors };
  }
  if (err instanceof Error && err.name === "TRPCClientError") {
    const e = err as Error & Pick<TRPCClientErrorLike<AppRouter>, "data">;
    return { code: e.data?.code ?? "UNKNOWN", message: e.message, fieldErrors: e.data?.fieldErrors ?? {} };
  }
  return { code: "UNKNOWN", message: err instanceof Error ? err.message : String(err), fieldErrors: {} };
}
