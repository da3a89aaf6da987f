import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { baseAuthConfig } from "~/server/auth/auth-config";
import { secureCookies, sessionCookieName } from "~/server/auth/cookies";
import { pageHeader } from "~/server/http/page-header";
import { apiContentSecurityPolicy, baseSecurityHeaders, contentSecurityPolicy, newNonce } from "~/server/http/security-headers";

// Runs before every request but static files (Next 16 "proxy", formerly middleware; Node.js runtime).
// 1. next-auth re-signs the session cookie with a new `lastSeen` (sliding idle expiry), or
//    clears it when the session is over (auth-config.ts).
// 2. A page asked for with a session that is over goes to the login page, which says so.
// 3. Security headers, with a fresh CSP nonce that Next puts on its own inline scripts.
const { auth } = NextAuth(() => baseAuthConfig());

/** A document or client-side navigation, not an API call, a form post or a prefetch. */
function isPageNavigation(req: NextRequest): boolean {
  const path = req.nextUrl.pathname;
  return (
    (req.method === "GET" || req.method === "HEAD") &&
    !path.startsWith("/api/") &&
    path !== "/login" &&
    !req.headers.has("next-router-prefetch")
  );
}

const securedByAuth = auth((req) => {
  const https = secureCookies();
  const hadSession = req.cookies.getAll().some((c) => c.name.startsWith(sessionCookieName(https)));
  const csp = req.nextUrl.pathname.startsWith("/api/")
    ? apiContentSecurityPolicy
    : contentSecurityPolicy({ nonce: newNonce(), dev: process.env.NODE_ENV === "development", https });

  let res: NextResponse;
  if (!req.auth && hadSession && isPageNavigation(req)) {
    res = NextResponse.redirect(new URL("/login?reason=expired", req.nextUrl));
  } else {
    const forwarded = new Headers(req.headers);
    forwarded.set("content-security-policy", csp); // where Next looks for the nonce
    // The page a request renders, for the audit row of a call it makes that is refused (set here, never taken from the browser).
    if (req.nextUrl.pathname.startsWith("/api/")) forwarded.delete(pageHeader);
    else forwarded.set(pageHeader, req.nextUrl.pathname);
    res = NextResponse.next({ request: { headers: forwarded } });
  }
  res.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(baseSecurityHeaders({ https }))) res.headers.set(name, value);
  return res;
});

type Handler = (request: NextRequest, event: NextFetchEvent) => Promise<Response>;

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  // With a lazy config (read per request, so `next build` needs no secret), next-auth's
  // `auth(handler)` is a promise of the wrapped handler.
  const handler = await (securedByAuth as unknown as Promise<Handler>);
  return handler(request, event);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
