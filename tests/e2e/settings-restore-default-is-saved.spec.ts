import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";

test("settings: an edit is marked unsaved; 恢复默认值并保存 saves the default and says so; opened quarters keep their deadline", async ({
  page,
}) => {
  await loginAs(page, "admin");
  await page.goto("/admin/settings");
  const days = page.getByLabel("季度结束后天数");
  await expect(days).toHaveValue("15");
  await expect(page.getByTestId("deadline-fixed")).toContainText("修改自");

  await days.fill("20");
  await expect(page.getByTestId("unsaved").first()).toHaveText("有未保存的修改");
  const card = page.locator("form").filter({ has: days });
  await card.getByRole("button", { name: "保存", exact: true }).click();
  await expect(card.getByRole("status")).toContainText("已保存（版本 1）。新的截止天数自");
  await expect(card.getByTestId("unsaved")).toHaveCount(0);
  await expect(page.getByTestId("deadline-history")).toContainText("20 天");

  await card.getByRole("button", { name: "恢复默认值并保存" }).click();
  await expect(card.getByRole("status")).toContainText("已恢复默认值并保存（版本 2）。");
  await expect(days).toHaveValue("15");
  await page.screenshot({ path: "test-results/screens/settings-restored.png", fullPage: true });
  // It really is saved: a reload shows the default, nothing unsaved, and the button has nothing left to restore.
  await page.reload();
  await expect(days).toHaveValue("15");
  await expect(page.getByTestId("unsaved")).toHaveCount(0);
  await expect(card.getByRole("button", { name: "恢复默认值并保存" })).toBeDisabled();
});
