/**
 * Whether cookies are marked Secure (sent over https only). On in production; off for the
 * demo (`DJZL_DEMO=1`, plain http on localhost) and in development. AUTH_COOKIE_SECURE=1/0
 * overrides — 0 only for a closed test network without https, never for real data.
 */
export function secureCookies(env?: NodeJS.ProcessEnv): boolean {
  if (!env) return (processSecure ??= secureCookies(process.env)); // every request asks: process.env reads are slow
  if (env.AUTH_COOKIE_SECURE === "1") return true;
  if (env.AUTH_COOKIE_SECURE === "0") return false;
  return env.NODE_ENV === "production" && env.DJZL_DEMO !== "1";
}

let processSecure: boolean | undefined;

/** next-auth's session cookie; the `__Secure-` prefix makes browsers refuse it without Secure. */
export const sessionCookieName = (secure: boolean) => `${secure ? "__Secure-" : ""}authjs.session-token`;

/** The session cookie's attributes, spelled out: script cannot read it, other sites' requests do not carry it. */
export const sessionCookieOptions = (secure: boolean) => ({ httpOnly: true, sameSite: "lax" as const, path: "/", secure });
