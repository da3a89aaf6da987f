import "server-only";

import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "~/db/client";
import { auth } from "~/server/auth";
import { actorOfSession } from "~/server/auth/session-actor";

/** The signed-in actor of this request, or null (signed out, deactivated, or signed in before a password reset). */
export const currentActor = cache(async () => actorOfSession(await getDb(), await auth()));

/**
 * The signed-in actor for a page; everyone else goes to the login page — told that their
 * session ended when there was one (proxy.ts already sends expired sessions there).
 */
export const requireActor = cache(async () => {
  const session = await auth();
  const actor = await actorOfSession(await getDb(), session);
  if (!actor) redirect(session?.user?.id ? "/login?reason=ended" : "/login");
  return actor;
});
