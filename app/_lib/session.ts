import "server-only";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "~/db/client";
import { loadActor } from "~/server/auth/load-actor";
import { sessionOfCookies } from "~/server/auth/session-token";

/** The session cookie of this request, decrypted once per render (server/auth/session-token.ts). */
const requestSession = cache(async () => sessionOfCookies(await cookies()));

/** The signed-in actor of this request, or null (signed out, deactivated, or signed in before a password reset). */
export const currentActor = cache(async () => {
  const session = await requestSession();
  return session.state === "active" ? loadActor(await getDb(), session.userId, session.sessionId) : null;
});

/**
 * The signed-in actor for a page; everyone else goes to the login page — told that their
 * session expired (idle or absolute limit; proxy.ts already sends page navigations there) or
 * ended (signed out elsewhere, password reset, deactivated) when there was one.
 */
export const requireActor = cache(async () => {
  const session = await requestSession();
  if (session.state === "over") redirect("/login?reason=expired");
  const actor = await currentActor();
  if (!actor) redirect(session.state === "active" ? "/login?reason=ended" : "/login");
  return actor;
});
