import { NextResponse, type NextRequest } from "next/server";
import { secureCookies, sessionCookieName, sessionCookieOptions } from "~/server/auth/cookies";
import { hasSessionCookie, refreshedSessionCookie, sessionOfCookies } from "~/server/auth/session-token";
import { pageHeader } from "~/server/http/page-header";
import { apiContentSecurityPolicy, baseSecurityHeaders, contentSecurityPolicy, newNonce } from "~/server/http/security-headers";

// Runs before every request but static files (Next 16 "proxy", formerly middleware; Node.js runtime).
// 1. Security headers on every answer, with a fresh CSP nonce that Next puts on its own inline scripts.
// 2. Page navigations only (not /api/, form posts, prefetches or /login): the session cookie is
//    read once (server/auth/session-token.ts): a session that is over goes to the login page,
//    which says so, and its cookie is cleared; an active one is re-issued with a new `lastSeen`
//    when the sliding window needs it (at most once a minute), not on every request.
// API calls do their single session read in the tRPC context (server/api/context.ts): nothing
// of next-auth runs here.

/** A document or client-side navigation, not an API call, a form post or a prefetch. */
export function isPageNavigation(req: NextRequest): boolean {
  const path = req.nextUrl.pathname;
  return (
    (req.method === "GET" || req.method === "HEAD") &&
    !path.startsWith("/api/") &&
    path !== "/login" &&
    !req.headers.has("next-router-prefetch")
  );
}

export async function proxy(req: NextRequest) {
  const https = secureCookies();
  const csp = req.nextUrl.pathname.startsWith("/api/")
    ? apiContentSecurityPolicy
    : contentSecurityPolicy({ nonce: newNonce(), dev: process.env.NODE_ENV === "development", https });

  const session = isPageNavigation(req) && hasSessionCookie(req.cookies, https) ? await sessionOfCookies(req.cookies) : null;
  let res: NextResponse;
  if (session?.state === "over") {
    res = NextResponse.redirect(new URL("/login?reason=expired", req.nextUrl));
    for (const c of req.cookies.getAll())
      if (c.name.startsWith(sessionCookieName(https)))
        res.cookies.set(c.name, "", { ...sessionCookieOptions(https), expires: new Date(0) });
  } else {
    const forwarded = new Headers(req.headers);
    forwarded.set("content-security-policy", csp); // where Next looks for the nonce
    // The page a request renders, for the audit row of a call it makes that is refused (set here, never taken from the browser).
    if (req.nextUrl.pathname.startsWith("/api/")) forwarded.delete(pageHeader);
    else forwarded.set(pageHeader, req.nextUrl.pathname);
    res = NextResponse.next({ request: { headers: forwarded } });
    if (session?.state === "active" && session.refresh) {
      const cookie = await refreshedSessionCookie(session.token);
      res.cookies.set(cookie.name, cookie.value, cookie.options);
    }
  }
  res.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(baseSecurityHeaders({ https }))) res.headers.set(name, value);
  return res;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
