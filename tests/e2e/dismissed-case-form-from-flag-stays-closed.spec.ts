import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";

test("a 立案问责 form opened from a flag and cancelled stays closed on reload, and opens blank from the list", async ({ page }) => {
  await loginAs(page, "reviewer");
  await page.goto("/dashboard/meetings?from=2020Q1&to=2029Q4");
  const card = page.getByTestId("meeting-flags");
  await card.getByRole("button", { name: /^出勤不足/ }).click();
  await expect(card.locator("tbody tr").first()).toHaveAttribute("data-flag", "low_attendance");
  await card.locator("tbody tr").first().getByTestId("flag-meeting-link").click();
  await page.getByTestId("flags-panel").getByTestId("open-case").first().click();

  const dialog = page.getByRole("dialog", { name: "立案问责" });
  await expect(dialog.getByLabel("问题来源")).toHaveValue("flag");
  await dialog.getByRole("button", { name: "取消" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page).not.toHaveURL(/open=flag/);
  await expect(page).toHaveURL(/\/cases\?unit=\d+$/);

  await page.reload();
  await expect(page.getByRole("heading", { name: "问责案件" })).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await page.getByRole("button", { name: "立案问责" }).click();
  await expect(dialog.getByLabel("问题来源")).toHaveValue("");
});
