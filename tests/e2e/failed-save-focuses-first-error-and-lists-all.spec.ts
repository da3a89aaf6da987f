import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";
import { reportingQuarter } from "./fixtures/quarters";

test("a failed meeting save lists every error at the top, names the limits, and focuses the first wrong field", async ({ page }) => {
  await loginAs(page, "staff");
  await page.goto(`/meetings?quarter=${reportingQuarter}`);
  await page.getByRole("button", { name: "记录会议" }).click();
  const dialog = page.getByRole("dialog", { name: "记录会议" });
  const month = String((Number(reportingQuarter.slice(5)) - 1) * 3 + 1).padStart(2, "0");
  await dialog.getByLabel("会议日期").fill(`${reportingQuarter.slice(0, 4)}-${month}-10`);
  await dialog.getByLabel("会议主题").fill("");
  await dialog.getByLabel("应到人数").fill("20000");
  await dialog.getByLabel("实到人数").fill("5");
  await dialog.getByLabel("整改事项数").fill("-1");
  await dialog.getByRole("button", { name: "保存" }).click();

  const summary = dialog.getByTestId("form-errors");
  await expect(summary).toBeVisible();
  await expect(summary).toContainText("会议主题：请填写会议主题");
  await expect(summary).toContainText("应到人数：应到人数不能超过 10000");
  await expect(summary).toContainText("整改事项数：整改事项数不能为负数");
  // No field codes in what a person reads.
  await expect(summary).not.toContainText(/topic|expected|rectificationItems/);
  // The first wrong field in the form's order has the focus.
  await expect(dialog.getByLabel("会议主题")).toBeFocused();
  await page.screenshot({ path: "test-results/screens/form-errors-meeting.png" });

  // Each listed error takes the focus to its field.
  await summary.getByText("整改事项数：").click();
  await expect(dialog.getByLabel("整改事项数")).toBeFocused();
});

test("a failed unit save in the admin pages uses the same summary and focus", async ({ page }) => {
  await loginAs(page, "admin");
  await page.goto("/admin/units");
  await page.locator("tr[data-unit-id]").first().getByRole("button", { name: "添加下级" }).click();
  const dialog = page.getByRole("dialog", { name: "新建下级单位" });
  await dialog.getByLabel("单位名称").fill("");
  await dialog.getByRole("button", { name: "保存" }).click();
  const summary = dialog.getByTestId("form-errors");
  await expect(summary).toContainText("单位名称：请填写单位名称");
  await expect(dialog.getByLabel("单位名称")).toBeFocused();
});
