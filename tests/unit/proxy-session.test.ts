import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

/**
 * Issue 16, “per request”: proxy.ts does no next-auth work for API calls and none for requests
 * that need none (the login page, prefetches, form posts); a page navigation reads the cookie
 * once, sends a session that is over to /login?reason=expired, and re-issues the cookie only
 * when the sliding window needs it.
 */
const jwt = vi.hoisted(() => ({ decodes: 0, encodes: 0 }));
vi.mock("next-auth", () => ({ default: vi.fn(() => expect.unreachable("proxy.ts must not set up next-auth")) }));
vi.mock("next-auth/jwt", async (importOriginal) => {
  const real = await importOriginal<typeof import("next-auth/jwt")>();
  return {
    ...real,
    decode: (...args: Parameters<typeof real.decode>) => (jwt.decodes++, real.decode(...args)),
    encode: (...args: Parameters<typeof real.encode>) => (jwt.encodes++, real.encode(...args)),
  };
});

const { proxy } = await import("~/proxy");
const { encode, decode } = await vi.importActual<typeof import("next-auth/jwt")>("next-auth/jwt");
const { DEV_AUTH_SECRET } = await import("~/server/auth/secret");
const { readSession, forgetDecodedTokens } = await import("~/server/auth/session-token");

const COOKIE = "authjs.session-token";
const MIN = 60_000;
const SID = "s-0123456789abcdef";

const token = (lastSeenAgoMs: number, authAgoMs = lastSeenAgoMs) =>
  encode({
    token: { uid: "7", sid: SID, authTime: Date.now() - authAgoMs, lastSeen: Date.now() - lastSeenAgoMs },
    secret: DEV_AUTH_SECRET,
    salt: COOKIE,
  });

function request(path: string, init: { cookie?: string; method?: string; headers?: Record<string, string> } = {}) {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("cookie", `${COOKIE}=${init.cookie}`);
  return new NextRequest(new URL(path, "http://localhost:3000"), { method: init.method ?? "GET", headers });
}

const setCookie = (res: Response) => res.headers.getSetCookie().find((c) => c.startsWith(`${COOKIE}=`));

beforeEach(() => {
  forgetDecodedTokens();
  jwt.decodes = 0;
  jwt.encodes = 0;
});
afterEach(() => vi.unstubAllEnvs());

describe("proxy.ts and the session cookie", () => {
  it("does no session work for API calls, even with a cookie that is due for re-issue or over: only headers", async () => {
    for (const cookie of [await token(5 * MIN), await token(31 * MIN), "forged"]) {
      for (const path of ["/api/trpc/dashboard.overview", "/api/auth/csrf", "/api/export/report"]) {
        const res = await proxy(request(path, { cookie }));
        expect(res.status).toBe(200);
        expect(setCookie(res)).toBeUndefined();
        expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
        expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      }
    }
    expect(jwt).toEqual({ decodes: 0, encodes: 0 });
  });

  it("does none for the login page, prefetches, form posts and requests without a cookie", async () => {
    const cookie = await token(31 * MIN); // idle: a page navigation would be sent to log in
    await proxy(request("/login", { cookie }));
    await proxy(request("/dashboard", { cookie, headers: { "next-router-prefetch": "1" } }));
    await proxy(request("/dashboard", { cookie, method: "POST" }));
    await proxy(request("/dashboard"));
    expect(jwt).toEqual({ decodes: 0, encodes: 0 });
  });

  it("a page navigation decodes once; a cookie re-issued within the last minute is left as it is", async () => {
    const res = await proxy(request("/dashboard", { cookie: await token(20_000) }));
    expect(res.status).toBe(200);
    expect(setCookie(res)).toBeUndefined();
    expect(jwt).toEqual({ decodes: 1, encodes: 0 });
  });

  it("re-issues the cookie with a new lastSeen once the last one is a minute old, keeping the sign-in time", async () => {
    const res = await proxy(request("/units/3", { cookie: await token(5 * MIN, 60 * MIN) }));
    expect(res.status).toBe(200);
    expect(jwt).toEqual({ decodes: 1, encodes: 1 });
    const issued = setCookie(res)!;
    expect(issued).toMatch(/Path=\//);
    expect(issued).toMatch(/HttpOnly/i);
    const value = issued.slice(COOKIE.length + 1, issued.indexOf(";"));
    const payload = (await decode({ token: value, secret: DEV_AUTH_SECRET, salt: COOKIE }))!;
    expect(payload).toMatchObject({ uid: "7", sid: SID });
    expect(Date.now() - (payload.lastSeen as number)).toBeLessThan(5_000);
    expect(Date.now() - (payload.authTime as number)).toBeGreaterThanOrEqual(60 * MIN);
  });

  it("sends an idle, expired or unreadable session to /login?reason=expired and clears its cookie", async () => {
    for (const cookie of [await token(30 * MIN), await token(MIN, 12 * 60 * MIN), "expired-or-forged"]) {
      const res = await proxy(request("/dashboard", { cookie }));
      expect(res.status).toBe(307);
      expect(res.headers.get("location")).toBe("http://localhost:3000/login?reason=expired");
      expect(setCookie(res)).toMatch(/Expires=Thu, 01 Jan 1970/);
      expect(setCookie(res)).toMatch(/Path=\//);
    }
    expect(jwt.encodes).toBe(0);
  });

  it("decrypts a cookie once however often it comes; its claims are judged afresh each time", async () => {
    const cookie = await token(20_000, 60 * MIN);
    const first = await readSession(cookie);
    const again = await readSession(cookie);
    expect(first).toMatchObject({ state: "active", userId: 7, sessionId: SID, refresh: false });
    expect(again).toEqual(first);
    expect(jwt.decodes).toBe(1);
    // The same cookie later: past the idle limit, then past the absolute one — judged, not cached.
    expect(await readSession(cookie, Date.now() + 40 * MIN)).toEqual({ state: "over", verdict: "idle" });
    expect(await readSession(cookie, Date.now() + 13 * 60 * MIN)).toMatchObject({ state: "over" });
    expect(jwt.decodes).toBe(1);
    // Under another secret the same value is a cookie never seen: decrypted (and refused) afresh.
    vi.stubEnv("AUTH_SECRET", "another-secret-of-sufficient-length-0123456789abcdef");
    expect(await readSession(cookie)).toEqual({ state: "over", verdict: "unreadable" });
    expect(jwt.decodes).toBe(2);
  });
});
