import fc from "fast-check";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createActor } from "../factories";
import { hostileText } from "./authz/hostile";
import { useTreeDb } from "./test-db";

/**
 * next-auth's endpoints (/api/auth/*) join the fuzzer (issue 13.5): hostile account names and
 * passwords (NUL, lone surrogates, astral characters cut at every length, prototype keys) never
 * make a 5xx or next-auth's `error=Configuration` page; a refused sign-in is the usual redirect
 * to /login?error=CredentialsSignin (which says “用户名或密码错误”), and nothing is logged
 * with a stack. The handlers run as Next runs them, on this file's database.
 */
const t = useTreeDb();
const runs = Number(process.env.FUZZ_RUNS ?? 20);
let handlers: typeof import("~/server/auth").handlers;

beforeAll(async () => {
  // The app's shared connection (db/client.ts getDb) is this test's database.
  (globalThis as { __djzlDb?: unknown }).__djzlDb = Promise.resolve({ db: t.db, driver: "pglite", close: async () => {} });
  ({ handlers } = await import("~/server/auth"));
  await createActor(t.db, "staff", t.tree.leafA1);
});

const base = "http://localhost/api/auth";

async function csrf(): Promise<{ token: string; cookie: string }> {
  const res = await handlers.GET(new NextRequest(`${base}/csrf`));
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { token: csrfToken, cookie };
}

async function signIn(username: string, password: string, session?: { token: string; cookie: string }) {
  const { token, cookie } = session ?? (await csrf());
  return handlers.POST(
    new NextRequest(`${base}/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie },
      body: new URLSearchParams({ csrfToken: token, username, password, callbackUrl: "/" }),
    }),
  );
}

/** Why a sign-in answer is wrong, or null: never 5xx, never the Configuration error page. */
function problemWith(res: Response): string | null {
  const location = res.headers.get("location") ?? "";
  if (res.status >= 500) return `HTTP ${res.status}`;
  if (/error=Configuration/.test(location)) return `redirected to ${location}`;
  if (res.status !== 302 || !/\/login\?error=CredentialsSignin/.test(location)) return `HTTP ${res.status} → ${location}`;
  return null;
}

describe("sign-in with hostile credentials", () => {
  it("the names that once gave error=Configuration (HTTP 500) are a plain wrong sign-in", async () => {
    for (const username of ["adm\u0000in", `${"a".repeat(63)}😀`, `${"党".repeat(63)}𠀀`, "\uD800", "__proto__"]) {
      const res = await signIn(username, "demo1234");
      expect(problemWith(res), JSON.stringify(username)).toBeNull();
    }
  });

  it(`answers ${runs * 3} fuzzed names and passwords with the sign-in page's refusal, logging no error`, async () => {
    const errors = vi.spyOn(console, "error").mockClear();
    const session = await csrf();
    await fc.assert(
      fc.asyncProperty(hostileText, hostileText, async (username, password) => {
        const problem = problemWith(await signIn(username, password, session));
        if (problem) throw new Error(`${JSON.stringify(username).slice(0, 120)} / ${JSON.stringify(password).slice(0, 60)}: ${problem}`);
      }),
      { numRuns: runs * 3 },
    );
    expect(errors).not.toHaveBeenCalled();
  });

  it("other endpoints and requests without a CSRF token answer below 500, without a stack in the log", async () => {
    const errors = vi.spyOn(console, "error").mockClear();
    const gets = [
      "session",
      "providers",
      "csrf",
      "signin",
      "signout",
      "error?error=%00",
      "nonsense",
      "callback/credentials",
      "signin/%F0%9F%98",
    ];
    for (const path of gets) expect((await handlers.GET(new NextRequest(`${base}/${path}`))).status, path).toBeLessThan(500);
    const noCsrf = await handlers.POST(
      new NextRequest(`${base}/callback/credentials`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "username=staff&password=x",
      }),
    );
    expect(noCsrf.status).toBeLessThan(500);
    const signOut = await handlers.POST(new NextRequest(`${base}/signout`, { method: "POST", body: "csrfToken=forged" }));
    expect(signOut.status).toBeLessThan(500);
    expect(errors).not.toHaveBeenCalled();
  });
});
