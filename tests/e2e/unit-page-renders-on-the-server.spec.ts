import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";
import { holdServerRender, recordTrpcCalls } from "./fixtures/server-render";

// The unit page is rendered from server data (issue 16: no React Query or tRPC client in its first
// load). A range change or a click on a quarter renders it again on the server: the browser makes
// no tRPC call, and the old data stays on screen, dimmed and aria-busy, until the new page arrives.

test("a range change renders the page on the server; the old data stays, dimmed, until it arrives", async ({ page }) => {
  await loginAs(page, "leader");
  const trpcCalls = recordTrpcCalls(page);
  await page.goto("/units/2");
  const reports = page.getByTestId("unit-reports").locator("tbody tr");
  await expect(reports).toHaveCount(8);
  await expect(page.getByTestId("unit-trend-chart").locator("[data-quarter-tick]")).toHaveCount(8);

  const release = await holdServerRender(page, "/units/2");
  const from = page.getByTestId("dashboard-filters").getByLabel("起始季度");
  const latest = await from.locator("option").first().getAttribute("value"); // newest first: the range's end
  await from.selectOption(latest!);
  await expect(from).toHaveValue(latest!); // the choice shows at once; the URL follows with the new render
  const busy = page.locator('[aria-busy="true"]').filter({ has: page.getByTestId("unit-reports") });
  await expect(busy).toBeVisible();
  await expect(reports).toHaveCount(8); // the old range's rows, until the new render arrives
  release();
  await expect(page).toHaveURL(new RegExp(`from=${latest}`));
  await expect(reports).toHaveCount(1);
  await expect(busy).toHaveCount(0);
  await expect(page.getByTestId("unit-trend-chart").locator("[data-quarter-tick]")).toHaveCount(1);
  expect(trpcCalls, "the unit page queries nothing from the browser").toEqual([]);
});

test("clicking a quarter narrows the page to it; the browser's back button brings the range back", async ({ page }) => {
  await loginAs(page, "leader");
  await page.goto("/units/2");
  const chart = page.getByTestId("unit-trend-chart");
  await expect(chart.locator("[data-quarter-tick]")).toHaveCount(8);
  const quarter = await page.getByTestId("unit-reports").locator("tbody tr").nth(2).getAttribute("data-quarter");
  await chart.locator('[data-quarter-tick="5"]').click(); // reports are newest first: row 2 is the sixth quarter
  await expect(page).toHaveURL(new RegExp(`from=${quarter}&to=${quarter}`));
  await expect(page.getByTestId("unit-reports").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByTestId("dashboard-filters").getByRole("button", { name: "恢复全部季度" })).toBeVisible();
  await page.goBack();
  await expect(page).not.toHaveURL(/from=/);
  await expect(page.getByTestId("unit-reports").locator("tbody tr")).toHaveCount(8);
  await expect(chart.locator("[data-quarter-tick]")).toHaveCount(8);
});

test("an unknown unit id shows the procedure's message in place of the page", async ({ page }) => {
  await loginAs(page, "leader");
  await page.goto("/units/987654321");
  await expect(page.locator("main").getByRole("alert")).toHaveText("出错了：单位不存在");
  await page.goto("/units/abc");
  await expect(page.getByText("404")).toBeVisible();
});
