import { decode, encode, type JWT } from "next-auth/jwt";
import { sessionCookieName, sessionCookieOptions, secureCookies } from "./cookies";
import { authSecret } from "./secret";
import { sessionPolicy, sessionVerdict, type SessionPolicy, type SessionVerdict } from "./session-policy";

/**
 * The session cookie of one request, read once: decrypted (one JWE decode, no re-encryption),
 * judged by the idle and absolute limits (session-policy.ts), and re-issued with a new
 * `lastSeen` only when the sliding window needs it — when the last re-issue is older than
 * `refreshAfterMs` — rather than on every request as next-auth's own `auth()` does.
 *
 * Used by proxy.ts (page navigations only), the tRPC context (server/api/context.ts) and the
 * pages (app/_lib/session.ts); next-auth itself only signs in and out (server/auth/index.ts).
 */

/** A cookie read from a request: `get(name)` of Next's cookie stores, or anything alike. */
export type CookieReader = { get(name: string): { value: string } | undefined; getAll(): { name: string; value: string }[] };

export type RequestSession =
  /** No session cookie at all. */
  | { state: "none" }
  /** A cookie that is over (idle, past the absolute limit) or does not decrypt: "your session expired". */
  | { state: "over"; verdict: Exclude<SessionVerdict, "active"> | "unreadable" }
  | { state: "active"; userId: number; sessionId: string; token: JWT; refresh: boolean };

/**
 * How old `lastSeen` may be before the cookie is re-issued: a minute, or a tenth of the idle
 * limit when that is shorter. The idle limit thus runs from a request at most this long ago.
 */
export const refreshAfterMs = (policy: SessionPolicy) => Math.min(60_000, Math.floor(policy.idleMs / 10));

/** The session cookie's value; next-auth splits a large one into `name.0`, `name.1`, … (SessionStore). */
export function sessionCookieValue(cookies: CookieReader, secure = secureCookies()): string | undefined {
  const name = sessionCookieName(secure);
  const whole = cookies.get(name)?.value;
  if (whole) return whole;
  const chunks = cookies
    .getAll()
    .filter((c) => c.name.startsWith(`${name}.`) && /^\d+$/.test(c.name.slice(name.length + 1)))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  return chunks.length > 0 ? chunks.map((c) => c.value).join("") : undefined;
}

/** Whether the request carries a session cookie (whole or chunked). */
export function hasSessionCookie(cookies: CookieReader, secure = secureCookies()): boolean {
  const name = sessionCookieName(secure);
  return cookies.getAll().some((c) => c.name === name || c.name.startsWith(`${name}.`));
}

/**
 * Cookies already decrypted, by value: a browser sends the same cookie with every call until it
 * is re-issued (at most once a minute), so the JWE decryption and its key derivation (about a
 * third of a signed-in call's CPU) run once per cookie, not once per request. Only what
 * decrypted is kept; the claims are judged afresh every time (readSession), the token's own
 * `exp` too, and the session row is checked by every request's one statement (load-actor.ts).
 * Bounded: the oldest entries go first. Per process, so nothing to share between instances.
 */
const decodedTokens = new Map<string, JWT>();
export const DECODED_TOKENS_MAX = 10_000;

async function decodeOnce(value: string, secret: string, salt: string, now: number): Promise<JWT | null> {
  const key = `${salt}\u0000${secret}\u0000${value}`;
  const known = decodedTokens.get(key);
  if (known && (typeof known.exp !== "number" || known.exp * 1000 > now)) return known;
  const token = await decode({ token: value, secret, salt });
  if (token) {
    if (decodedTokens.size >= DECODED_TOKENS_MAX) decodedTokens.delete(decodedTokens.keys().next().value!);
    decodedTokens.set(key, token);
  }
  return token;
}

/** Tests: forget every decrypted cookie (so a test counting decryptions starts from none). */
export const forgetDecodedTokens = () => decodedTokens.clear();

/** Decrypts and judges a session cookie value at `now`. */
export async function readSession(value: string | undefined, now = Date.now(), policy = sessionPolicy()): Promise<RequestSession> {
  if (!value) return { state: "none" };
  const secure = secureCookies();
  let token: JWT | null = null;
  try {
    token = await decodeOnce(value, authSecret(), sessionCookieName(secure), now);
  } catch {
    token = null;
  }
  if (!token) {
    // A cookie that does not decrypt (forged, or from another secret): one line, no stack.
    console.warn("[auth] unreadable session token refused");
    return { state: "over", verdict: "unreadable" };
  }
  const verdict = sessionVerdict({ authTime: token.authTime, lastSeen: token.lastSeen }, now, policy);
  if (verdict !== "active") return { state: "over", verdict };
  const claims = sessionClaimsOf(token.uid, token.sid);
  if (!claims) return { state: "over", verdict: "expired" };
  const refresh = now - (token.lastSeen as number) >= refreshAfterMs(policy);
  return { state: "active", ...claims, token, refresh };
}

/**
 * The user id and session row id a token names, or null: a token without a session row
 * (issued before sessions were rows, or forged) is no session.
 */
export function sessionClaimsOf(uid: unknown, sid: unknown): { userId: number; sessionId: string } | null {
  const userId = Number(uid);
  if (!Number.isInteger(userId) || userId <= 0) return null;
  if (typeof sid !== "string" || !/^[A-Za-z0-9_-]{16,64}$/.test(sid)) return null;
  return { userId, sessionId: sid };
}

/** The session of a request's cookies (one decode). */
export const sessionOfCookies = (cookies: CookieReader, now = Date.now()) => readSession(sessionCookieValue(cookies), now);

/** A cookie to set: name, value and attributes (Next's `cookies.set(name, value, options)`). */
export type SessionCookie = { name: string; value: string; options: ReturnType<typeof sessionCookieOptions> & { expires: Date } };

/**
 * The re-issued session cookie: the same token with `lastSeen` = now. It lives until the
 * absolute limit (an idle-expired session still arrives, so the user is told it expired).
 */
export async function refreshedSessionCookie(token: JWT, now = Date.now(), policy = sessionPolicy()): Promise<SessionCookie> {
  const secure = secureCookies();
  const name = sessionCookieName(secure);
  const authTime = typeof token.authTime === "number" ? token.authTime : now;
  const expires = new Date(authTime + policy.maxMs);
  const maxAge = Math.max(1, Math.floor((expires.getTime() - now) / 1000));
  // The claims the app put there (auth-config.ts), not the old token's iat/exp/jti: encode sets new ones.
  const claims = Object.fromEntries(Object.entries(token).filter(([k]) => k !== "iat" && k !== "exp" && k !== "jti"));
  const value = await encode({
    token: { ...claims, authTime, lastSeen: now },
    secret: authSecret(),
    salt: name,
    maxAge,
  });
  return { name, value, options: { ...sessionCookieOptions(secure), expires } };
}
