"use server";

import { AuthError } from "next-auth";
import { signIn } from "~/server/auth";

export type LoginState = { error?: "invalid" | "missing"; username?: string };

export async function login(_prev: LoginState, form: FormData): Promise<LoginState> {
  const username = String(form.get("username") ?? "").trim();
  const password = String(form.get("password") ?? "");
  if (!username || !password) return { error: "missing", username };
  try {
    // On success signIn throws Next's redirect, which must propagate.
    await signIn("credentials", { username, password, redirectTo: "/" });
    return {};
  } catch (err) {
    if (err instanceof AuthError) return { error: "invalid", username };
    throw err;
  }
}
