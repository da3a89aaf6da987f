import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";

// Issue 13.2: “在所有设备上退出登录” in the user menu ends every session of the account — this
// browser's and the other browser's — while another user's session goes on.
const shots = process.env.SHOTS_DIR ?? "test-results/screens";

async function signInByForm(page: Page, username: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("current-user")).toContainText("全部退出测试");
}

test("sign out everywhere from the user menu ends the sessions in both browsers; the other browser is sent to the login page", async ({
  page,
  browser,
}) => {
  const user = { username: "everywhere_e2e", password: "Everywhere-2026!" };
  await loginAs(page, "admin");
  const created = await page.request.post("/api/trpc/user.create", {
    data: { json: { username: user.username, displayName: "全部退出测试", role: "staff", unitId: 4, password: user.password } },
  });
  expect(created.status()).toBe(200);

  const office = await (await browser.newContext()).newPage();
  const laptop = await (await browser.newContext()).newPage();
  await signInByForm(office, user.username, user.password);
  await signInByForm(laptop, user.username, user.password);

  await office.getByRole("button", { name: /全部退出测试/ }).click();
  await office.getByRole("menuitem", { name: "在所有设备上退出登录" }).click();
  const dialog = office.getByRole("dialog", { name: "在所有设备上退出登录？" });
  await expect(dialog).toContainText("包括当前这一个");
  await office.screenshot({ path: `${shots}/sign-out-everywhere-confirm-zh.png` });
  await dialog.getByRole("button", { name: "全部退出" }).click();

  await expect(office).toHaveURL(/\/login\?reason=everywhere/);
  await expect(office.getByRole("status")).toHaveText("已在所有设备上退出登录。");
  await office.screenshot({ path: `${shots}/sign-out-everywhere-done-zh.png` });

  // The other browser's next page and API call: its session has ended too.
  await laptop.goto("/meetings");
  await expect(laptop).toHaveURL(/\/login\?reason=ended/);
  await expect(laptop.getByRole("status")).toHaveText("登录已失效，请重新登录。");
  expect((await laptop.request.get("/api/trpc/me.get")).status()).toBe(401);

  // The admin was not touched; the audit log records the step in words.
  await page.goto(`/admin/audit?user=${user.username}&action=auth.signOut`);
  await expect(page.locator("tr[data-action='auth.signOutEverywhere']")).toContainText("在所有设备上退出登录");
});
