import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";

test.use({ viewport: { width: 390, height: 844 } });

test("on a phone the leader reads the heatmap as a list and drills down from it, without sideways scrolling", async ({ page }) => {
  await loginAs(page, "leader");
  await page.goto("/dashboard");
  // Far below the fold on a phone: drawn once scrolled to (only the list: no grid hidden beside it).
  await page.getByTestId("unit-heatmap").scrollIntoViewIfNeeded();
  const list = page.getByTestId("unit-heatmap-list");
  await expect(list).toBeVisible();
  await expect(page.getByTestId("unit-heatmap-chart")).toBeHidden();
  const first = list.locator("[data-unit-id]").first();
  // Each unit: its composite and the six categories, labelled.
  await expect(first.locator("dt")).toHaveCount(7);
  await expect(first).toContainText("综合得分");
  await expect(first).toContainText("党员先锋作用");
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);

  const unitId = await first.getAttribute("data-unit-id");
  await first.getByRole("button").click();
  await expect(page).toHaveURL(new RegExp(`[?&]unit=${unitId}(&|$)`));
});

test("on a phone, staff of a single branch see their trends without the next-level cards that could never show anything", async ({
  page,
}) => {
  await loginAs(page, "staff");
  await page.goto("/dashboard");
  await expect(page.getByTestId("composite-trend-chart").locator("[data-chart-series]")).toHaveCount(1);
  await expect(page.getByTestId("unit-heatmap")).toBeHidden();
  await expect(page.getByTestId("best-worst")).toBeHidden();
  await expect(page.getByTestId("completeness")).toBeVisible();
});
