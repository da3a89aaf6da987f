import "server-only";

import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "~/db/client";
import { auth } from "~/server/auth";
import { loadActor } from "~/server/auth/load-actor";

/** The signed-in actor for a page; signed-out (or deactivated) users go to the login page. */
export const requireActor = cache(async () => {
  const session = await auth();
  const userId = Number(session?.user?.id);
  const actor = Number.isInteger(userId) && userId > 0 ? await loadActor(await getDb(), userId) : null;
  if (!actor) redirect("/login");
  return actor;
});
