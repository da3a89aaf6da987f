import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";

test("a report from the to-do says when it was saved, and names no one it does not know", async ({ page }) => {
  await loginAs(page, "reviewer");
  await page.goto("/");
  // The demo's seeded reports were saved by no account.
  await page.getByRole("row").filter({ hasText: "2026年" }).getByRole("link", { name: "审核" }).first().click();
  await expect(page).toHaveURL(/\/report\?/);
  const saved = page.getByText(/^最后保存：/);
  await expect(saved).toHaveText(/^最后保存：(\S+，)?\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
  await expect(saved).not.toContainText("—");
});
