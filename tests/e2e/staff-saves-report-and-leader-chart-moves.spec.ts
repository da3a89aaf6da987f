import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";
import { reportingQuarter } from "./fixtures/quarters";

const quarterRow = (page: Page) => page.getByTestId("composite-trend").locator("tbody tr").last();

/** The newest quarter's composite row, counting submitted (not yet approved) reports too. */
async function readLatestTrendRow(page: Page) {
  await page.goto("/dashboard");
  await page.getByRole("switch", { name: "含已提交未审核" }).click();
  await expect(page).toHaveURL(/inc=submitted/);
  await expect(page.getByTestId("counted-reports")).toHaveText("统计已审核和已提交待审核的报表");
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
  await page.getByTestId("composite-trend").getByText("数据表").click();
  return (await quarterRow(page).innerText()).trim();
}

test("leader sees the composite trend over 8 quarters of approved reports and the six categories", async ({ page }) => {
  await loginAs(page, "leader");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "党建质量总览" })).toBeVisible();
  const dots = page.getByTestId("composite-trend-chart").locator("[data-chart-dot]");
  await expect(dots).toHaveCount(8);
  await expect(page.getByTestId("category-trends-chart").locator("[data-chart-series]")).toHaveCount(6);
  for (const label of ["“一把手”重视不够", "党员先锋作用", "党内政治生活", "党建业务融合", "党建方法创新", "党建责任落实"]) {
    await expect(page.getByTestId("category-radar-chart").getByText(label)).toBeVisible();
  }
  // The seeded cases of the business-first units show as open cases, linked to the case list.
  await expect(page.getByTestId("case-summary")).toContainText("未结问责案件");
  await expect(page.getByTestId("case-summary").getByRole("link").first()).toHaveAttribute("href", /\/cases\?unit=/);
  await page.screenshot({ path: "test-results/screens/leader-dashboard.png", fullPage: true });
});

test("staff enters values, a bad value is refused on its field, the submitted report moves the leader's chart", async ({ browser }) => {
  // Two people, a confirmed submit and two chart reloads: more than the default 30 s on a loaded machine.
  test.setTimeout(60_000);
  const leaderPage = await (await browser.newContext()).newPage();
  await loginAs(leaderPage, "leader");
  const before = await readLatestTrendRow(leaderPage);

  const page = await (await browser.newContext()).newPage();
  await loginAs(page, "staff");
  await page.goto("/report");
  await expect(page.getByRole("heading", { name: "季度报表" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "报告季度" })).toHaveValue(reportingQuarter);

  // An out-of-range rate is refused by the server with a message on that field.
  const attendance = page.locator("#value-V1_attendance_rate");
  await attendance.fill("120");
  await page.locator("#businessScore").fill("91.5");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.locator("#error-V1_attendance_rate")).toContainText("0 到 100");
  await expect(page.getByText(/处填写有误，未保存任何内容/)).toBeVisible();
  await page.screenshot({ path: "test-results/screens/staff-report-error.png", fullPage: true });

  // Correct it, fill the rest, save.
  await attendance.fill("95");
  await expect(page.getByText(/已保存（版本/)).toBeHidden();
  for (const input of await page.locator("input[id^='value-']").all()) {
    if ((await input.inputValue()) === "") await input.fill("3");
  }
  for (const select of await page.locator("select[id^='value-']").all()) await select.selectOption("1");
  await page.getByRole("button", { name: "保存草稿" }).click();
  // (The autosave status next to the buttons says 已保存 too; this is the manual save's own notice.)
  await expect(page.getByRole("status").filter({ hasText: "已保存（版本" })).toBeVisible();

  // Reopening shows the saved values.
  await page.reload();
  await expect(page.locator("#value-V1_attendance_rate")).toHaveValue("95");
  await expect(page.locator("#businessScore")).toHaveValue("91.5");
  await expect(page.getByText("草稿", { exact: true })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/staff-report-saved.png", fullPage: true });

  // A draft never counts on the dashboards; once submitted it does, with “含已提交未审核” on.
  expect(await readLatestTrendRow(leaderPage)).toBe(before);
  await page.getByRole("button", { name: "提交审核" }).click();
  await page.getByRole("dialog", { name: "提交审核" }).getByRole("button", { name: "确认提交" }).click();
  await expect(page.getByText("已提交", { exact: true })).toBeVisible();
  const after = await readLatestTrendRow(leaderPage);
  expect(after).not.toBe(before);
});

test("staff cannot open another unit's report", async ({ page }) => {
  await loginAs(page, "staff");
  await page.goto("/report?unit=5&quarter=2026Q2");
  await expect(page.getByRole("alert").filter({ hasText: "无权" })).toContainText("无权查看该单位的数据");
  const res = await page.request.post("/api/trpc/report.save", {
    data: { json: { unitId: 5, quarter: "2026Q3", version: 0, values: [] } },
  });
  expect(res.status()).toBe(403);
});
