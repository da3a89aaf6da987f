import { cookies, headers } from "next/headers";
import { getDb, getReadDb } from "~/db/client";
import { isLocale, localeCookie } from "~/i18n/locales";
import { auth } from "~/server/auth";
import { actorOfSession } from "~/server/auth/session-actor";
import { databaseUnavailable, isDatabaseUnavailable } from "~/server/lib/db-unavailable";
import type { Context } from "./trpc";

/**
 * The request context: the shared database, the actor of the session cookie, and the UI
 * language of the calling page, so error messages come in that language only.
 */
export async function createRequestContext(): Promise<Context> {
  try {
    const db = await getDb();
    const actor = await actorOfSession(db, await auth());
    return { db, readDb: await getReadDb(), actor, locale: await uiLocale() };
  } catch (err) {
    // Reading the actor is the request's first query: a lost database fails here, as a 503.
    throw isDatabaseUnavailable(err) ? databaseUnavailable(err, "request context") : err;
  }
}

/** The app's own pages say which language they show (header, else cookie); other callers say nothing. */
async function uiLocale(): Promise<string | null> {
  const fromHeader = (await headers()).get("x-ui-locale");
  if (isLocale(fromHeader)) return fromHeader;
  const fromCookie = (await cookies()).get(localeCookie)?.value;
  return isLocale(fromCookie) ? fromCookie : null;
}
