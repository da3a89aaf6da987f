import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";
import { reportingQuarter } from "./fixtures/quarters";

test("the score preview refuses 120 % and 1e9 on their fields and marks a partial composite as partial", async ({ page }) => {
  await loginAs(page, "staff");
  await page.goto(`/report?quarter=${reportingQuarter}`);
  await expect(page.getByRole("heading", { name: "季度报表" })).toBeVisible();

  const attendance = page.locator("#value-V1_attendance_rate");
  await attendance.fill("120");
  await expect(page.locator("#error-V1_attendance_rate")).toHaveText("须在 0 到 100 之间，不能超过 100");
  await expect(attendance).toHaveAttribute("aria-invalid", "true");
  // Its score is not 100: an invalid value is not scored at all.
  await expect(page.locator('tr[data-indicator="V1_attendance_rate"] td').last()).toHaveText("—");

  const volunteers = page.locator("#value-V2_volunteer_rate");
  await volunteers.fill("1e9");
  await expect(page.locator("#error-V2_volunteer_rate")).toHaveText("须填写数字");
  await expect(page.getByTestId("preview-invalid")).toHaveText("2 项填写有误，未计入得分");

  // A few valid values give a composite, marked partial with how many indicators count.
  await page.locator("#value-L1_topic_meetings").fill("3");
  await page.locator("#value-L2_secretary_lectures").fill("2");
  await expect(page.getByTestId("composite-partial")).toHaveText("部分");
  await expect(page.getByTestId("preview-summary")).toContainText(/已计入 \d+\/\d+ 项/);
  // Invalid input is never autosaved.
  await expect(page.getByTestId("autosave-status")).toHaveAttribute("data-state", "invalid");
  await page.screenshot({ path: "test-results/screens/score-preview-invalid.png", fullPage: false });

  // A count over its limit names the limit.
  await page.locator("#value-L1_topic_meetings").fill("2000000");
  await expect(page.locator("#error-L1_topic_meetings")).toHaveText("不能超过 1000000");
});

test("a business score that is not a number is named with its field in the summary of a refused save", async ({ page }) => {
  await loginAs(page, "staff");
  await page.goto(`/report?quarter=${reportingQuarter}`);
  const score = page.getByLabel("业务考核得分", { exact: true });
  await score.fill("abc");
  await expect(score).toHaveAccessibleDescription(/须填写数字/);
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByTestId("form-errors").getByRole("listitem")).toHaveText(["业务考核得分：须填写数字"]);
  await expect(score).toBeFocused();
});
