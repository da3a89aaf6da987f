import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";
import { holdServerRender, recordTrpcCalls } from "./fixtures/server-render";

// The overview is rendered from server data (issue 16: no React Query or tRPC client in its first
// load). A filter change or a drill renders it again on the server: the browser makes no tRPC call,
// and the old charts stay on screen, dimmed and aria-busy, until the new page arrives.

test("a range change renders the overview on the server; the old charts stay, dimmed, until it arrives", async ({ page }) => {
  await loginAs(page, "leader");
  const trpcCalls = recordTrpcCalls(page);
  await page.goto("/dashboard");
  const ticks = page.getByTestId("composite-trend-chart").locator("[data-quarter-tick]");
  await expect(ticks).toHaveCount(8);

  const release = await holdServerRender(page, "/dashboard");
  const from = page.getByTestId("dashboard-filters").getByLabel("起始季度");
  const latest = await from.locator("option").first().getAttribute("value"); // newest first: the range's end
  await from.selectOption(latest!);
  await expect(from).toHaveValue(latest!); // the choice shows at once; the URL follows with the new render
  const busy = page.locator('[aria-busy="true"]').filter({ has: page.getByTestId("composite-trend") });
  await expect(busy).toBeVisible();
  await expect(busy).toHaveCSS("opacity", "0.6");
  await expect(ticks).toHaveCount(8); // the old range's chart, until the new render arrives
  release();
  await expect(page).toHaveURL(new RegExp(`from=${latest}`));
  await expect(ticks).toHaveCount(1);
  await expect(busy).toHaveCount(0);
  await expect(page.getByRole("button", { name: "恢复全部季度" })).toBeVisible();

  // The browser's back button brings the range back, again from the server.
  await page.goBack();
  await expect(page).not.toHaveURL(/from=/);
  await expect(ticks).toHaveCount(8);
  expect(trpcCalls, "the overview queries nothing from the browser").toEqual([]);
});

test("a unit out of the reader's reach in the URL shows the procedure's own message, and a way back", async ({ page }) => {
  await loginAs(page, "staff");
  await page.goto("/dashboard");
  const own = (await page.getByTestId("dashboard-breadcrumb").locator("[aria-current=page]").innerText()).trim();
  // Unit 1 is the root of the demo tree; staff read their own branch only.
  const input = { json: { unitId: 1, from: "2025Q1", to: "2025Q4", include: "approved" } };
  const res = await page.request.get(`/api/trpc/dashboard.overview?input=${encodeURIComponent(JSON.stringify(input))}`, {
    headers: { "x-ui-locale": "zh-CN" },
  });
  expect(res.status()).toBe(403);
  const message = ((await res.json()) as { error: { json: { message: string } } }).error.json.message;

  await page.goto("/dashboard?unit=1&from=2025Q1&to=2025Q4");
  await expect(page.getByRole("heading", { name: "党建质量总览" })).toBeVisible();
  await expect(page.locator("main").getByRole("alert")).toHaveText(message);
  await page.getByRole("link", { name: "返回本单位" }).click();
  await expect(page).toHaveURL(/\/dashboard\?from=2025Q1&to=2025Q4$/);
  await expect(page.getByTestId("dashboard-breadcrumb").locator("[aria-current=page]")).toHaveText(own);
  await expect(page.getByTestId("composite-trend-chart").locator("[data-quarter-tick]")).toHaveCount(4);
});

test("loading a dashboard prefetches no other page (issue 16: the prefetches' answers were decoded while the page loaded)", async ({
  page,
}) => {
  await loginAs(page, "leader");
  const prefetches: string[] = [];
  page.on("request", (req) => {
    if (req.headers()["next-router-prefetch"]) prefetches.push(req.url());
  });
  for (const path of ["/dashboard", "/dashboard/meetings", "/units/1"]) {
    await page.goto(path);
    await expect(page.getByTestId("dashboard-tabs").or(page.getByTestId("unit-parent")).or(page.locator("main h1")).first()).toBeVisible();
    // Links in view (tabs, case figures, the nav) are prefetched soon after hydration when they may be.
    await page.waitForTimeout(1500);
  }
  expect(prefetches, "links on the dashboards do not prefetch").toEqual([]);
  // A link still leads where it says.
  await page.goto("/dashboard");
  await page.getByTestId("dashboard-tabs").getByRole("link", { name: "会议质量" }).click();
  await expect(page).toHaveURL(/\/dashboard\/meetings/);
});
