import { getDb } from "~/db/client";
import { auth } from "~/server/auth";
import { loadActor } from "~/server/auth/load-actor";
import type { Context } from "./trpc";

/** The request context: the shared database and the actor of the session cookie, if any. */
export async function createRequestContext(): Promise<Context> {
  const db = await getDb();
  const session = await auth();
  const userId = Number(session?.user?.id);
  const actor = Number.isInteger(userId) && userId > 0 ? await loadActor(db, userId) : null;
  return { db, actor };
}
