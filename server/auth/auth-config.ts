import type { NextAuthConfig } from "next-auth";
import { sessionCookieName, sessionCookieOptions, secureCookies } from "./cookies";
import { authSecret } from "./secret";
import { sessionPolicy, sessionVerdict } from "./session-policy";

/**
 * The next-auth settings that need no database, for the sign-in and sign-out routes (index.ts).
 * Requests after sign-in do not go through next-auth: the cookie is read once per request by
 * session-token.ts (same secret, salt and claims), which re-issues it for the sliding idle
 * expiry only when `lastSeen` is older than a minute.
 *
 * The token carries the user id, the id of its session row (sessions table, checked on every
 * request by load-actor.ts), and two times:
 * `authTime` (sign-in) for the absolute limit and `lastSeen` for the idle limit. The cookie and
 * the token's own `exp` last the absolute limit, so an idle-expired session still arrives and
 * the server can tell the user their session expired rather than that they were never in.
 */
/** next-auth errors that are a caller's mistake, answered with a redirect or 4xx: logged without a stack. */
const callerErrorTypes = new Set([
  "MissingCSRF",
  "UnknownAction",
  "InvalidProvider",
  "InvalidCallbackUrl",
  "InvalidCheck",
  "MissingAuthorize",
  "UntrustedHost",
]);

export function baseAuthConfig(): NextAuthConfig {
  const policy = sessionPolicy();
  const secure = secureCookies();
  return {
    secret: authSecret(),
    trustHost: true,
    useSecureCookies: secure,
    cookies: { sessionToken: { name: sessionCookieName(secure), options: sessionCookieOptions(secure) } },
    session: { strategy: "jwt", maxAge: Math.floor(policy.maxMs / 1000) },
    pages: { signIn: "/login" },
    logger: {
      // A wrong password is an expected answer, not a server error worth a stack trace.
      error: (error) => {
        // (`type`, not `name`: class names are minified in the production build)
        const type = (error as { type?: string }).type;
        if (type === "CredentialsSignin") return;
        // A session cookie that does not decrypt (forged, or from another secret): one line, no stack.
        if (type === "JWTSessionError") console.warn("[auth] unreadable session token refused");
        // The caller's mistake (no CSRF token, an unknown action or provider, …): one line, no stack.
        else if (type && callerErrorTypes.has(type)) console.warn(`[auth] request refused: ${type}`);
        // /api/auth/signin/<made-up provider>: @auth/core throws a plain Error for it.
        else if (/^Provider with id ".*" not found/s.test(error.message)) console.warn("[auth] request refused: unknown provider");
        else console.error("[auth]", error);
      },
    },
    providers: [],
    callbacks: {
      // Role and unit are not in the token: they are read fresh per request (load-actor.ts).
      jwt: ({ token, user }) => {
        const now = Date.now();
        if (user?.id) {
          const sid = (user as { sessionId?: unknown }).sessionId;
          return { ...token, uid: user.id, sid: typeof sid === "string" ? sid : undefined, authTime: now, lastSeen: now };
        }
        // null ends the session: next-auth clears the cookie and `auth()` answers no session.
        if (sessionVerdict({ authTime: token.authTime, lastSeen: token.lastSeen }, now, policy) !== "active") return null;
        return { ...token, lastSeen: now };
      },
      session: ({ session, token }) => {
        if (typeof token.uid === "string") session.user.id = token.uid;
        return Object.assign(session, { sessionId: typeof token.sid === "string" ? token.sid : null });
      },
    },
  };
}
