import { mkdirSync } from "node:fs";
import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";

const shots = "/tmp/shots-lighthouse";
mkdirSync(shots, { recursive: true });

// A short window: the radar (second row of cards) starts below it, and the 问责 dashboard's last cards well below the distance charts draw ahead.
test.use({ viewport: { width: 1366, height: 300 } });

test("the overview draws its charts without recharts; a recharts chart below the fold is drawn when scrolled into view", async ({
  page,
}) => {
  await loginAs(page, "leader");
  await page.goto("/dashboard");
  await expect(page.getByTestId("composite-trend-chart").locator("[data-chart-series]")).toHaveCount(1);
  // The heatmap and best/worst are drawn when scrolled near, into the box their placeholder held;
  // only the grid (the phone's list is not drawn hidden beside it).
  await expect(page.getByTestId("unit-heatmap-chart")).toHaveCount(0);
  await expect(page.getByTestId("best-worst-chart")).toHaveCount(0);
  const heights = () =>
    page.evaluate(() =>
      ["unit-heatmap", "best-worst"].map((id) => document.querySelector(`[data-testid='${id}']`)!.getBoundingClientRect().height),
    );
  const before = await heights();
  await page.getByTestId("best-worst").scrollIntoViewIfNeeded();
  await expect(page.getByTestId("unit-heatmap-chart").locator("[data-unit-id]").first()).toBeVisible();
  await expect(page.getByTestId("best-worst-chart").locator("[data-unit-id]").first()).toBeVisible();
  await expect(page.getByTestId("unit-heatmap-list")).toHaveCount(0);
  const after = await heights();
  for (const [i, h] of after.entries()) expect(Math.abs(h - before[i]!)).toBeLessThan(1);
  await page.evaluate(() => window.scrollTo(0, 0));
  // The radar is plain SVG as well, drawn with the page: no chart library on the overview's first load.
  await page.getByTestId("category-radar").scrollIntoViewIfNeeded();
  await expect(page.getByTestId("category-radar-chart").getByText("党员先锋作用").first()).toBeVisible();
  await expect(page.locator(".recharts-wrapper")).toHaveCount(0);
  // Its bars view is a recharts chart, loaded when the leader switches to it.
  await page.getByTestId("category-radar").getByRole("button", { name: "条形图" }).click();
  await expect(page.getByTestId("category-compare-bars").locator(".recharts-wrapper")).toBeVisible();
  await page.screenshot({ path: `${shots}/dashboard-scrolled.png` });

  await page.goto("/cases/dashboard");
  await expect(page.getByTestId("cases-by-category").locator("[data-quarter-tick]").first()).toBeAttached();
  // Not drawn yet: its card holds the placeholder, but its data table is there (drawn when unfolded).
  await expect(page.getByTestId("case-root-causes-chart")).toHaveCount(0);
  await page
    .getByTestId("case-root-causes")
    .locator("details")
    .evaluate((d) => d.setAttribute("open", ""));
  await expect(page.getByTestId("case-root-causes").locator("details tbody tr").first()).toBeAttached();
  await page.getByTestId("case-root-causes").scrollIntoViewIfNeeded();
  await expect(page.getByTestId("case-root-causes-chart").locator(".recharts-wrapper")).toBeVisible();
  await page.screenshot({ path: `${shots}/cases-dashboard-scrolled.png`, fullPage: true });
});
