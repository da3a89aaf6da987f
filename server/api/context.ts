import { cookies, headers } from "next/headers";
import { getDb, getReadDb } from "~/db/client";
import { isLocale, localeCookie } from "~/i18n/locales";
import { auth } from "~/server/auth";
import { loadActor } from "~/server/auth/load-actor";
import type { Context } from "./trpc";

/**
 * The request context: the shared database, the actor of the session cookie, and the UI
 * language of the calling page, so error messages come in that language only.
 */
export async function createRequestContext(): Promise<Context> {
  const db = await getDb();
  const session = await auth();
  const userId = Number(session?.user?.id);
  const actor = Number.isInteger(userId) && userId > 0 ? await loadActor(db, userId) : null;
  return { db, readDb: await getReadDb(), actor, locale: await uiLocale() };
}

/** The app's own pages say which language they show (header, else cookie); other callers say nothing. */
async function uiLocale(): Promise<string | null> {
  const fromHeader = (await headers()).get("x-ui-locale");
  if (isLocale(fromHeader)) return fromHeader;
  const fromCookie = (await cookies()).get(localeCookie)?.value;
  return isLocale(fromCookie) ? fromCookie : null;
}
