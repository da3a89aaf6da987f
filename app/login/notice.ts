import "server-only";
import { throttledMinutes } from "~/server/auth/throttled-error";

export type LoginSearch = Record<string, string | string[] | undefined>;
export type LoginNotice = { key: "expired" | "ended" | "everywhere" | "throttled" | "invalid"; tone: "info" | "error"; minutes?: number };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * What the login page says on arrival: a session that expired (proxy.ts) or was ended
 * (requireActor), or the answer of a sign-in posted straight to /api/auth (next-auth redirects
 * here with `?error=CredentialsSignin&code=…`).
 */
export function loginNotice(sp: LoginSearch): LoginNotice | null {
  const reason = one(sp.reason);
  if (reason === "expired" || reason === "ended" || reason === "everywhere") return { key: reason, tone: "info" };
  if (one(sp.error) !== "CredentialsSignin") return null;
  const minutes = throttledMinutes(one(sp.code));
  return minutes ? { key: "throttled", tone: "error", minutes } : { key: "invalid", tone: "error" };
}
