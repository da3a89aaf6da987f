import "server-only";

import { getTRPCErrorFromUnknown } from "@trpc/server";
import { getLocale } from "next-intl/server";
import { cache } from "react";
import { currentActor } from "~/app/_lib/session";
import { createRequestContext } from "~/server/api/context";
import { publicError } from "~/server/api/error-message";
import { createCaller } from "~/server/api/root";

/**
 * The request's context for a page's server-side calls: the actor the page read (requireActor /
 * currentActor), so one session decode and one actor query per render.
 */
export const pageContext = cache(() => createRequestContext({ actor: currentActor }));

/** The procedures, called in-process with the page's context: the same authorization and scope as over HTTP. */
const pageCaller = cache(async () => createCaller(await pageContext()));
type Caller = Awaited<ReturnType<typeof pageCaller>>;

/**
 * A read's answer for a page rendered from server data: its data, or what the browser would have
 * been told (with bad input, the message per field, as a form shows it).
 */
export type PageRead<T> = { ok: true; data: T } | { ok: false; code: string; message: string; fieldErrors?: Record<string, string> };

/**
 * Runs a read for a page rendered from server data, `readForPage((api) => api.review.get({ id }))`,
 * and turns a refusal or bad input into the message a browser call would have shown, in the page's
 * language, so the page can show it in place of the card instead of failing whole.
 *
 * It calls the procedures directly, not through React Query: Turbopack lists every client module
 * a page's server graph imports among the page's client references, rendered or not, so a server
 * module that imported React Query's provider would put it (~20 kB gz) into the page's first load.
 */
export async function readForPage<T>(read: (api: Caller) => Promise<T>): Promise<PageRead<T>> {
  try {
    return { ok: true, data: await read(await pageCaller()) };
  } catch (err) {
    const error = getTRPCErrorFromUnknown(err);
    // A fault, not the caller's mistake: logged here as the HTTP handler would (the page shows a plain message).
    if (error.code === "INTERNAL_SERVER_ERROR") console.error("[page read]", err);
    const { message, fieldErrors } = publicError(error, await getLocale());
    return { ok: false, code: error.code, message, ...(fieldErrors ? { fieldErrors } : {}) };
  }
}
