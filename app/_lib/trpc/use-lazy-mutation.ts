"use client";

import { useRouter } from "next/navigation";
import { useCallback, useRef, useState, useTransition } from "react";
import type { TrpcClient } from "./client";
import { describeError } from "./errors";

/** A failed call as a form shows it: the code, the message (in the page's language) and per-field messages. */
export class CallError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly fieldErrors: Record<string, string>,
  ) {
    super(message);
    this.name = "CallError";
  }
}

type Options<I, O> = {
  onSuccess?: (data: O, input: I) => unknown;
  onError?: (error: CallError, input: I) => unknown;
  /**
   * Ask the server for the page again after a success (pages rendered from server data); `isPending`
   * lasts until it is there, and what `onSuccess` sets shows with it (one transition).
   */
  refresh?: boolean;
};

type State<I, O> =
  | { status: "idle"; data?: undefined; error: null; variables?: undefined }
  | { status: "pending"; data?: undefined; error: null; variables: I }
  | { status: "success"; data: O; error: null; variables: I }
  | { status: "error"; data?: undefined; error: CallError; variables: I };

/**
 * A save from a page rendered from server data, without React Query: the tRPC client
 * (`./client`, with superjson) is imported on the first call, not with the page.
 *
 *   const move = useLazyMutation((api, input: { id: number; to: CaseStatus }) => api.case.transition.mutate(input), { refresh: true });
 *   move.mutate({ id, to }); move.isPending; move.error?.message; move.error?.fieldErrors.comment
 *
 * The shape follows React Query's `useMutation` (mutate, mutateAsync, isPending, error, data,
 * variables, reset); `error` is already described (code, message, fieldErrors). Pages that
 * hydrate React Query keep `useMutation`.
 */
export function useLazyMutation<I, O>(call: (api: TrpcClient, input: I) => Promise<O>, options: Options<I, O> = {}) {
  const router = useRouter();
  const [refreshing, startTransition] = useTransition();
  const [state, setState] = useState<State<I, O>>({ status: "idle", error: null });
  const latest = useRef({ call, options });
  latest.current = { call, options };

  const mutateAsync = useCallback(
    async (input: I): Promise<O> => {
      setState({ status: "pending", error: null, variables: input });
      let data: O;
      try {
        // Inside the try: a failure to load the client (offline, a new deployment) is shown like a failed call.
        const { trpcClient } = await import("./client");
        data = await latest.current.call(trpcClient, input);
      } catch (err) {
        const d = describeError(err);
        const error = new CallError(d.message, d.code, d.fieldErrors);
        setState({ status: "error", error, variables: input });
        await latest.current.options.onError?.(error, input);
        throw error;
      }
      const { onSuccess, refresh } = latest.current.options;
      if (!refresh) {
        setState({ status: "success", data, error: null, variables: input });
        await onSuccess?.(data, input);
        return data;
      }
      // What onSuccess shows (a message, a closed dialog) lands with the new page in one transition,
      // never above the old data: a person, or a test, reading the page at the message sees what
      // was saved, and a second action is not taken on the old version (as useRefresh).
      let after: unknown;
      startTransition(() => {
        setState({ status: "success", data, error: null, variables: input });
        after = onSuccess?.(data, input);
        router.refresh();
      });
      await after;
      return data;
    },
    [router],
  );
  // Like React Query's `mutate`: the failure is in `error` (and onError), not a rejected promise.
  const mutate = useCallback((input: I) => void mutateAsync(input).catch(() => undefined), [mutateAsync]);
  const reset = useCallback(() => setState({ status: "idle", error: null }), []);

  return {
    mutate,
    mutateAsync,
    reset,
    status: state.status,
    isPending: state.status === "pending" || refreshing,
    isSuccess: state.status === "success",
    isError: state.status === "error",
    error: state.error,
    data: state.data,
    variables: state.variables,
  };
}
