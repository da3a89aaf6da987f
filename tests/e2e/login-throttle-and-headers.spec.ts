import fs from "node:fs/promises";
import { type APIRequestContext, type Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";

// The specs share one server: only accounts created here (or names that do not exist) are
// throttled, never admin / leader / reviewer / staff.
const shots = process.env.SHOTS_DIR ?? "test-results/screens";
const mutate = (request: APIRequestContext, path: string, input: unknown) => request.post(`/api/trpc/${path}`, { data: { json: input } });

async function createUser(page: Page, username: string, password: string): Promise<number> {
  await loginAs(page, "admin");
  const res = await mutate(page.request, "user.create", { username, displayName: "限流测试", role: "staff", unitId: 4, password });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { result: { data: { json: { id: number } } } }).result.data.json.id;
}

/** Submits the login form and waits for the server's answer (the form resets itself after each one). */
async function submitLogin(page: Page, username: string, password: string) {
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/login"),
    page.getByRole("button", { name: "登录" }).click(),
  ]);
}

test("ten wrong passwords lock an account with a “try again in N minutes” message; then even the right password is refused", async ({
  page,
  browser,
}) => {
  const user = { username: "lockout_e2e", password: "Lockout-2026!" };
  await createUser(page, user.username, user.password);

  const theirs = await (await browser.newContext()).newPage();
  await theirs.goto("/login");
  const alert = theirs.locator("form").getByRole("alert");
  for (let i = 1; i <= 9; i++) {
    await submitLogin(theirs, user.username, `wrong-${i}`);
    await expect(alert).toHaveText("用户名或密码错误，请重新输入。");
    await expect(theirs.getByLabel("密码")).toHaveValue("");
  }
  await submitLogin(theirs, user.username, "wrong-10");
  await expect(alert).toHaveText("登录失败次数过多，请 15 分钟后再试。");

  await submitLogin(theirs, user.username, user.password);
  await expect(alert).toHaveText(/^登录失败次数过多，请 1[45] 分钟后再试。$/);
  await expect(theirs).toHaveURL(/\/login/);
  await expect(theirs.getByTestId("current-user")).toHaveCount(0);
  await theirs.screenshot({ path: `${shots}/login-throttled-zh.png` });

  // The audit log shows the failed sign-ins, with the reason.
  await page.goto(`/admin/audit?user=${user.username}&action=auth.`);
  const rows = page.locator("tr[data-action='auth.signInFailed']");
  await expect(rows).toHaveCount(11); // 10 wrong passwords + the first refusal during the lock
  await expect(rows.first()).toContainText("登录失败");
  await rows.first().getByRole("button", { name: "查看" }).click();
  await expect(page.getByTestId(/^diff-/)).toContainText("失败次数过多，暂被锁定");
  await page.screenshot({ path: `${shots}/audit-sign-ins-zh.png`, fullPage: true });
});

test("an unknown name is throttled the same way over plain HTTP: the redirect names the wait and the page shows it", async ({ page }) => {
  const post = async (password: string) => {
    const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await page.request.post("/api/auth/callback/credentials", {
      form: { username: "no_such_person_e2e", password, csrfToken, callbackUrl: "/" },
      maxRedirects: 0,
    });
    return res.headers().location ?? "";
  };
  for (let i = 1; i <= 9; i++) expect(await post(`guess-${i}`)).toMatch(/\/login\?error=CredentialsSignin&code=credentials$/);
  const locked = await post("guess-10");
  expect(locked).toMatch(/\/login\?error=CredentialsSignin&code=throttled_15$/);
  await page.goto(locked);
  await expect(page.getByRole("alert").filter({ hasText: "登录失败" })).toHaveText("登录失败次数过多，请 15 分钟后再试。");
});

test("pages and the API carry the security headers; Next's inline scripts carry the nonce", async ({ request }) => {
  const page = await request.get("/login");
  const h = page.headers();
  const csp = h["content-security-policy"] ?? "";
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"]).toContain("camera=()");

  // Every <script> Next wrote into the page carries this response's nonce; a second response has another.
  const html = await page.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(2);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  const again = (await request.get("/login")).headers()["content-security-policy"];
  expect(again).not.toContain(nonce!);

  const api = await request.get("/api/trpc/me.get");
  expect(api.status()).toBe(401);
  expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  expect(api.headers()["x-frame-options"]).toBe("DENY");

  const script = /<script\b[^>]*\bsrc="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(script).toBeTruthy();
  expect((await request.get(script!)).headers()["x-content-type-options"]).toBe("nosniff");
});

test("the session cookie is HttpOnly and SameSite=Lax (Secure needs https: production sets it, this http demo server does not)", async ({
  request,
}) => {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/credentials", {
    form: { username: "leader", password: "demo1234", csrfToken, callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(res.status()).toBe(302);
  const session = res
    .headersArray()
    .filter((x) => x.name.toLowerCase() === "set-cookie")
    .map((x) => x.value)
    .find((v) => v.startsWith("authjs.session-token="));
  expect(session).toBeTruthy();
  const attrs = session!.split(";").map((a) => a.trim().toLowerCase());
  expect(attrs).toContain("httponly");
  expect(attrs).toContain("samesite=lax");
  expect(attrs).toContain("path=/");
  const expires = attrs.find((a) => a.startsWith("expires="));
  const hours = (new Date(expires!.slice(8)).getTime() - Date.now()) / 3_600_000;
  expect(hours).toBeGreaterThan(11.9); // the absolute limit; idle expiry is in the token
  expect(hours).toBeLessThanOrEqual(12);
});

test("the app works under the policy: the dashboard draws its charts and exports a PNG without a single violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await loginAs(page, "leader");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "党建质量总览" })).toBeVisible();
  await expect(page.getByTestId("category-trends-chart").locator("[data-chart-series]")).toHaveCount(6);
  const card = page.getByTestId("composite-trend");
  const download = page.waitForEvent("download");
  await card.getByRole("button", { name: "导出图片" }).click();
  const png = await fs.readFile(await (await download).path());
  expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]); // drawn through data:/blob: images and a canvas
  expect(png.length).toBeGreaterThan(10_000);
  await page.goto("/meetings");
  await page.goto("/admin/audit");
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  expect(violations).toEqual([]);
});

test("a password reset ends the user's open session: their next page goes to the login page, their API calls get 401", async ({
  page,
  browser,
}) => {
  const user = { username: "reset_e2e", password: "Before-Reset-1" };
  const id = await createUser(page, user.username, user.password);
  const theirs = await (await browser.newContext()).newPage();
  await theirs.goto("/login");
  await submitLogin(theirs, user.username, user.password);
  await expect(theirs.getByTestId("current-user")).toContainText("限流测试");

  expect((await mutate(page.request, "user.resetPassword", { id, password: "After-Reset-2" })).status()).toBe(200);
  await theirs.goto("/meetings");
  await expect(theirs).toHaveURL(/\/login\?reason=ended/);
  await expect(theirs.getByRole("status")).toHaveText("登录已失效，请重新登录。");
  expect((await theirs.request.get("/api/trpc/me.get")).status()).toBe(401);
  await theirs.screenshot({ path: `${shots}/login-session-ended-zh.png` });

  await submitLogin(theirs, user.username, "After-Reset-2");
  await expect(theirs.getByTestId("current-user")).toContainText("限流测试");

  // Signing in and out are in the audit log too.
  await theirs.getByRole("button", { name: "退出登录" }).click();
  await expect(theirs).toHaveURL(/\/login/);
  await page.goto(`/admin/audit?user=${user.username}&action=auth.sign`);
  await expect(page.locator("tr[data-action='auth.signOut']")).toHaveCount(1);
  await expect(page.locator("tr[data-action='auth.signIn']")).toHaveCount(2);
  await expect(page.locator("tr[data-action='auth.signOut']")).toContainText("退出登录");
});

test("a session token that no longer holds sends pages to the login page saying so (in English too)", async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  await context.addCookies([
    { name: "authjs.session-token", value: "expired-or-forged", url: baseURL! },
    { name: "NEXT_LOCALE", value: "en", url: baseURL! },
  ]);
  const page = await context.newPage();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?reason=expired/);
  await expect(page.getByRole("status")).toHaveText("Your session has expired. Please sign in again.");
  expect((await context.cookies()).find((c) => c.name === "authjs.session-token")).toBeUndefined();
  await page.screenshot({ path: `${shots}/login-session-expired-en.png` });
});
