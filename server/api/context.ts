import { cookies, headers } from "next/headers";
import { getDb, getReadDb } from "~/db/client";
import { isLocale, localeCookie } from "~/i18n/locales";
import { loadSessionActor } from "~/server/auth/load-actor";
import { refreshedSessionCookie, sessionOfCookies, type CookieReader, type SessionCookie } from "~/server/auth/session-token";
import { databaseUnavailable, isDatabaseUnavailable } from "~/server/lib/db-unavailable";
import type { Actor } from "~/server/scope";
import type { Context } from "./trpc";

/**
 * The request context: the shared database, the actor of the session cookie, and the UI
 * language of the calling page, so error messages come in that language only.
 *
 * The cookie is decrypted once here (proxy.ts does no session work for /api/), and the actor,
 * the session row's check and the unit's path are one query (load-actor.ts), which also reads
 * the database snapshot that remembered answers are keyed by (server/lib/snapshot-memo.ts). A route handler
 * or the API lane (`reissue`) re-issues the cookie when the sliding window needs it; a server
 * component cannot set cookies — for pages proxy.ts does it.
 */
export type RequestInput = {
  cookies: CookieReader;
  header: (name: string) => string | null;
  /** Sets the re-issued session cookie on the answer; absent where cookies cannot be set. */
  reissue?: (cookie: SessionCookie) => void;
};

export async function contextOfRequest(input: RequestInput): Promise<Context> {
  try {
    const db = await getDb();
    const session = await sessionOfCookies(input.cookies);
    const found = session.state === "active" ? await loadSessionActor(db, session.userId, session.sessionId) : null;
    if (found && session.state === "active" && session.refresh && input.reissue) {
      input.reissue(await refreshedSessionCookie(session.token));
    }
    return { db, readDb: await getReadDb(), actor: found?.actor ?? null, snapshot: found?.snapshot ?? null, locale: uiLocale(input) };
  } catch (err) {
    // Reading the actor is the request's first query: a lost database fails here, as a 503.
    throw isDatabaseUnavailable(err) ? databaseUnavailable(err, "request context") : err;
  }
}

/** The context of a request Next routes (the /api/trpc route handler, a page's server-side calls). */
export async function createRequestContext(opts: { reissueCookie?: boolean; actor?: () => Promise<Actor | null> } = {}): Promise<Context> {
  const [jar, h] = await Promise.all([cookies(), headers()]);
  const input: RequestInput = { cookies: jar, header: (name) => h.get(name) };
  if (opts.actor) {
    // A page's server-side calls take the actor the page already read (app/_lib/session.ts).
    try {
      return { db: await getDb(), readDb: await getReadDb(), actor: await opts.actor(), locale: uiLocale(input) };
    } catch (err) {
      throw isDatabaseUnavailable(err) ? databaseUnavailable(err, "request context") : err;
    }
  }
  if (opts.reissueCookie) input.reissue = (c) => jar.set(c.name, c.value, c.options);
  return contextOfRequest(input);
}

/** The app's own pages say which language they show (header, else cookie); other callers say nothing. */
function uiLocale(input: Pick<RequestInput, "cookies" | "header">): string | null {
  const fromHeader = input.header("x-ui-locale");
  if (isLocale(fromHeader)) return fromHeader;
  const fromCookie = input.cookies.get(localeCookie)?.value;
  return isLocale(fromCookie) ? fromCookie : null;
}
