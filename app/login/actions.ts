"use server";

import { AuthError } from "next-auth";
import { signIn } from "~/server/auth";
import { throttledMinutes } from "~/server/auth/throttled-error";

export type LoginState = { error?: "invalid" | "missing" | "throttled"; minutes?: number; username?: string };

export async function login(_prev: LoginState, form: FormData): Promise<LoginState> {
  // A file sent in place of a field stringifies to something no account has, and so fails like a wrong password.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  const username = String(form.get("username") ?? "").trim();
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  const password = String(form.get("password") ?? "");
  if (!username || !password) return { error: "missing", username };
  try {
    // On success signIn throws Next's redirect, which must propagate.
    await signIn("credentials", { username, password, redirectTo: "/" });
    return {};
  } catch (err) {
    if (!(err instanceof AuthError)) throw err;
    const minutes = throttledMinutes((err as { code?: unknown }).code);
    return minutes ? { error: "throttled", minutes, username } : { error: "invalid", username };
  }
}
