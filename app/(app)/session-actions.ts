"use server";

import { getDb } from "~/db/client";
import { currentActor } from "~/app/_lib/session";
import { signOut } from "~/server/auth";
import { signOutEverywhere } from "~/server/auth/sign-out-everywhere";

/** 退出登录: ends this session (its row too, server/auth/index.ts) and clears the cookie. */
export async function signOutAction() {
  await signOut({ redirectTo: "/login" });
}

/** 在所有设备上退出登录: ends every session of the signed-in user, then this browser's cookie. */
export async function signOutEverywhereAction() {
  const actor = await currentActor();
  if (actor) await signOutEverywhere(await getDb(), actor);
  await signOut({ redirectTo: "/login?reason=everywhere" });
}
