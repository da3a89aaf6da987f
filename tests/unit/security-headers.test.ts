import { describe, expect, it } from "vitest";
import { secureCookies, sessionCookieName, sessionCookieOptions } from "~/server/auth/cookies";
import { apiContentSecurityPolicy, baseSecurityHeaders, contentSecurityPolicy, newNonce } from "~/server/http/security-headers";

const directives = (csp: string) =>
  new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );

describe("contentSecurityPolicy", () => {
  const prod = directives(contentSecurityPolicy({ nonce: "abc123==", dev: false, https: true }));

  it("lets only scripts carrying this request's nonce run, never inline or eval'd code in production", () => {
    expect(prod.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(prod.get("script-src")).not.toContain("'unsafe-inline'");
    expect(prod.get("script-src")).not.toContain("'unsafe-eval'");
  });

  it("forbids framing, plugins, foreign forms and a moved <base>", () => {
    expect(prod.get("frame-ancestors")).toEqual(["'none'"]);
    expect(prod.get("object-src")).toEqual(["'none'"]);
    expect(prod.get("form-action")).toEqual(["'self'"]);
    expect(prod.get("base-uri")).toEqual(["'self'"]);
    expect(prod.get("default-src")).toEqual(["'self'"]);
  });

  it("allows data: and blob: images for the PNG export, and inline styles without a nonce (a nonce would disable them)", () => {
    expect(prod.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(prod.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("adds eval only for development and the https upgrade only when served over https", () => {
    const dev = directives(contentSecurityPolicy({ nonce: "n", dev: true, https: false }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.has("upgrade-insecure-requests")).toBe(false);
    expect(prod.has("upgrade-insecure-requests")).toBe(true);
  });

  it("gives API answers a policy that loads nothing", () => {
    expect(directives(apiContentSecurityPolicy).get("default-src")).toEqual(["'none'"]);
    expect(directives(apiContentSecurityPolicy).get("frame-ancestors")).toEqual(["'none'"]);
  });
});

describe("baseSecurityHeaders", () => {
  it("sets nosniff, no framing, a referrer policy and a minimal permissions policy", () => {
    const h = baseSecurityHeaders({ https: false });
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["X-Frame-Options"]).toBe("DENY");
    expect(h["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["Permissions-Policy"]).toContain("camera=()");
    expect(h["Strict-Transport-Security"]).toBeUndefined();
    expect(baseSecurityHeaders({ https: true })["Strict-Transport-Security"]).toMatch(/^max-age=\d{8}/);
  });
});

describe("newNonce", () => {
  it("is 128 random bits in base64, different every time, and of the form Next extracts", () => {
    const nonces = new Set(Array.from({ length: 200 }, () => newNonce()));
    expect(nonces.size).toBe(200);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("session cookie attributes", () => {
  it("are Secure in production, not for the http demo or development, and overridable", () => {
    expect(secureCookies({ NODE_ENV: "production" } as unknown as NodeJS.ProcessEnv)).toBe(true);
    expect(secureCookies({ NODE_ENV: "production", DJZL_DEMO: "1" } as unknown as NodeJS.ProcessEnv)).toBe(false);
    expect(secureCookies({ NODE_ENV: "development" } as unknown as NodeJS.ProcessEnv)).toBe(false);
    expect(secureCookies({ NODE_ENV: "production", AUTH_COOKIE_SECURE: "0" } as unknown as NodeJS.ProcessEnv)).toBe(false);
    expect(secureCookies({ NODE_ENV: "development", AUTH_COOKIE_SECURE: "1" } as unknown as NodeJS.ProcessEnv)).toBe(true);
  });

  it("are HttpOnly and SameSite=Lax, and a Secure cookie carries the __Secure- prefix", () => {
    expect(sessionCookieOptions(true)).toEqual({ httpOnly: true, sameSite: "lax", path: "/", secure: true });
    expect(sessionCookieName(true)).toBe("__Secure-authjs.session-token");
    expect(sessionCookieName(false)).toBe("authjs.session-token");
  });
});
