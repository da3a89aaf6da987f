import "server-only";

import { getTRPCErrorFromUnknown } from "@trpc/server";
import { getLocale } from "next-intl/server";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { cache } from "react";
import { currentActor } from "~/app/_lib/session";
import { createRequestContext } from "~/server/api/context";
import { publicError } from "~/server/api/error-message";
import { appRouter } from "~/server/api/root";
import { makeQueryClient } from "./query-client";

// The server side of tRPC for pages, without HydrateClient: a module the server imports brings
// every client module it imports into the page's first load (Turbopack lists them as the page's
// client references whether rendered or not), so a page rendered from server data imports this
// one, not `./server` (which imports the browser's provider for HydrateClient).

export const getQueryClient = cache(makeQueryClient);

/** Server-side tRPC: pages read with it (readForPage), or prefetch and render their client part inside HydrateClient. */
export const trpc = createTRPCOptionsProxy({
  // The actor the page read (requireActor / currentActor): one session decode and one actor query per render.
  ctx: cache(() => createRequestContext({ actor: currentActor })),
  router: appRouter,
  queryClient: getQueryClient,
});

/** A read's answer for a page rendered from server data: its data, or what the browser would have been told. */
export type PageRead<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

/**
 * Runs a read for a page rendered on the server (`getQueryClient().fetchQuery(trpc.x.queryOptions(…))`
 * or a caller) and turns a refusal or bad input into the message a browser call would have shown,
 * in the page's language, so the page can show it in place of the card instead of failing whole.
 */
export async function readForPage<T>(read: Promise<T>): Promise<PageRead<T>> {
  try {
    return { ok: true, data: await read };
  } catch (err) {
    const error = getTRPCErrorFromUnknown(err);
    // A fault, not the caller's mistake: logged here as the HTTP handler would (the page shows a plain message).
    if (error.code === "INTERNAL_SERVER_ERROR") console.error("[page read]", err);
    return { ok: false, code: error.code, message: publicError(error, await getLocale()).message };
  }
}
