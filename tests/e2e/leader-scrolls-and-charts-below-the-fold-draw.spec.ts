import { mkdirSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { loginAs } from "./fixtures/auth";

const shots = "/tmp/shots-lighthouse";
mkdirSync(shots, { recursive: true });

// A short window: the radar (second row of cards) starts well below it and below the distance charts draw ahead.
test.use({ viewport: { width: 1366, height: 300 } });

test("a chart below the fold is drawn when it is scrolled into view, with its data", async ({ page }) => {
  await loginAs(page, "leader");
  await page.goto("/dashboard");
  await expect(page.getByTestId("composite-trend-chart").locator("svg .recharts-line")).toHaveCount(1);
  // Not drawn yet: its card holds the placeholder, but the data table is already there.
  await expect(page.getByTestId("category-radar-chart")).toHaveCount(0);
  expect(await page.getByTestId("category-radar").locator("details tbody tr").count()).toBeGreaterThan(0);

  await page.getByTestId("category-radar").scrollIntoViewIfNeeded();
  await expect(page.getByTestId("category-radar-chart").getByText("党员先锋作用").first()).toBeVisible();
  await page.screenshot({ path: `${shots}/dashboard-scrolled.png` });

  for (const path of ["/dashboard/meetings", "/cases/dashboard"]) {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(path);
    await page.mouse.wheel(0, 3000);
    await expect(page.locator("[data-chart-area] .recharts-wrapper").first()).toBeVisible();
    await page.screenshot({ path: `${shots}/${path.slice(1).replaceAll("/", "-")}.png`, fullPage: true });
  }
});
