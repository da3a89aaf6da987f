import { expect, test } from "./fixtures/test";

test("a wrong password shows a clear message and stays on the login page", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("用户名").fill("staff");
  await page.getByLabel("密码").fill("wrong-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "用户名或密码错误" })).toHaveText("用户名或密码错误，请重新输入。");
  await expect(page).toHaveURL(/\/login/);
  await page.screenshot({ path: "test-results/screens/login-wrong-password.png" });
});

test("the right password signs staff in and lands on their to-do list", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("用户名").fill("staff");
  await page.getByLabel("密码").fill("demo1234");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("heading", { name: "刘思琪，您好" })).toBeVisible();
  await expect(page.getByTestId("current-user")).toContainText("填报员");
  await expect(page.getByTestId("todo-due")).toContainText("去填报");
});

test("signed-out visitors are sent to the login page from every page", async ({ page }) => {
  for (const path of ["/", "/dashboard", "/report?unit=1&quarter=2026Q2"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/login/);
  }
  const api = await page.request.get("/api/trpc/me.get");
  expect(api.status()).toBe(401);
});
