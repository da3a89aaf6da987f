import { cookies, headers } from "next/headers";
import { getDb, getReadDb } from "~/db/client";
import { isLocale, localeCookie } from "~/i18n/locales";
import { loadActor } from "~/server/auth/load-actor";
import { refreshedSessionCookie, sessionOfCookies } from "~/server/auth/session-token";
import { databaseUnavailable, isDatabaseUnavailable } from "~/server/lib/db-unavailable";
import type { Actor } from "~/server/scope";
import type { Context } from "./trpc";

/**
 * The request context: the shared database, the actor of the session cookie, and the UI
 * language of the calling page, so error messages come in that language only.
 *
 * The cookie is decrypted once here (proxy.ts does no session work for /api/), and the actor,
 * the session row's check and the unit's path are one query (load-actor.ts). A route handler
 * (`reissueCookie`) re-issues the cookie when the sliding window needs it; a server component
 * cannot set cookies — for pages proxy.ts does it.
 */
export async function createRequestContext(opts: { reissueCookie?: boolean; actor?: () => Promise<Actor | null> } = {}): Promise<Context> {
  try {
    const db = await getDb();
    // A page's server-side calls take the actor the page already read (app/_lib/session.ts).
    if (opts.actor) return { db, readDb: await getReadDb(), actor: await opts.actor(), locale: await uiLocale() };
    const jar = await cookies();
    const session = await sessionOfCookies(jar);
    const actor = session.state === "active" ? await loadActor(db, session.userId, session.sessionId) : null;
    if (actor && session.state === "active" && session.refresh && opts.reissueCookie) {
      const cookie = await refreshedSessionCookie(session.token);
      jar.set(cookie.name, cookie.value, cookie.options);
    }
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
