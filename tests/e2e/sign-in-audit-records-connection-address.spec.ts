import { request as playwrightRequest } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";

// Issue 13.7: without TRUST_PROXY the client address comes from the connection (the app's own
// server, scripts/server.mjs), not from a header the client writes — so a failed sign-in is
// counted against the caller's real address, and no shared “unknown” bucket exists to fill.
test("a failed sign-in is recorded with the connection's address, whatever X-Forwarded-For claims", async ({ page, baseURL }) => {
  await loginAs(page, "admin");
  const created = await page.request.post("/api/trpc/user.create", {
    data: { json: { username: "address_e2e", displayName: "地址测试", role: "staff", unitId: 4, password: "Address-2026!" } },
  });
  expect(created.status()).toBe(200);

  const caller = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": "203.0.113.66" } });
  const { csrfToken } = (await (await caller.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await caller.post("/api/auth/callback/credentials", {
    form: { username: "address_e2e", password: "wrong", csrfToken, callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(res.headers().location).toMatch(/error=CredentialsSignin/);
  await caller.dispose();

  const input = encodeURIComponent(JSON.stringify({ json: { username: "address_e2e", action: "auth.signInFailed" } }));
  const found = (await (await page.request.get(`/api/trpc/audit.search?input=${input}`)).json()) as {
    result: { data: { json: { items: { after: { ip: string | null } }[] } } };
  };
  const [row] = found.result.data.json.items;
  expect(row?.after.ip).toMatch(/^(127\.0\.0\.1|0000:0000:0000:0000::\/64|0:0:0:0::\/64)$/);
  expect(row?.after.ip).not.toBe("203.0.113.66");
});
