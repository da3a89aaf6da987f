import { type Locator, type Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { addQuarters, formatQuarter, lastQuarters, quarterOf } from "~/lib/quarter";
import { loginAs } from "./fixtures/auth";

/** The URL follows the server's render of the new range: allow a loaded machine its time (chart-data-tables spec). */
const urlWait = { timeout: 20_000 };

// The dashboards' default range: the last eight finished quarters (cases: up to the running one).
const quarters = lastQuarters(8);
const narrowedTo = (q: string) => new RegExp(`from=${q}&to=${q}|to=${q}&from=${q}`);

/** The centre of the i-th quarter's axis label. */
async function tickCentre(chart: Locator, i: number) {
  const box = (await chart.locator(`[data-quarter-tick="${i}"]`).boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function overview(page: Page) {
  await loginAs(page, "leader");
  await page.goto("/dashboard");
  const chart = page.getByTestId("composite-trend-chart");
  await expect(chart.locator("[data-quarter-tick]")).toHaveCount(8, { timeout: 15_000 }); // the chart code loads on demand
  return chart;
}

test("clicking a quarter's axis label narrows the overview to that quarter, not the first of the range", async ({ page }) => {
  const chart = await overview(page);
  await chart.locator('[data-quarter-tick="5"]').click();
  await expect(page).toHaveURL(narrowedTo(quarters[5]!), urlWait);
  await page.getByTestId("composite-trend").getByText("数据表").click();
  const rows = page.getByTestId("composite-trend").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(formatQuarter(quarters[5]!, "zh-CN"));
});

test("the quarter labels keep their elements while the pointer moves across the chart, so a click is not lost", async ({ page }) => {
  // The chart re-renders when the pointer reaches another quarter (its hover line). Its labels were
  // made anew each time, and a click whose mouse-down landed on a label just replaced did nothing
  // (on a busy machine: the mouse-down, the re-render, then the mouse-up).
  const chart = await overview(page);
  const label = await chart.locator('[data-quarter-tick="5"]').elementHandle();
  for (const i of [1, 6, 3]) {
    const c = await tickCentre(chart, i);
    await page.mouse.move(c.x, c.y - 60, { steps: 3 });
  }
  await expect(chart.locator("line[data-export=skip]")).toHaveCount(1); // the hover line: the chart did re-render
  expect(await label!.evaluate((el) => el.isConnected)).toBe(true);
  // Mouse-down on a label, the pointer wanders to the next quarter and back (two re-renders),
  // mouse-up on the same label: that is a click on it.
  const five = await tickCentre(chart, 5);
  const six = await tickCentre(chart, 6);
  await page.mouse.move(five.x, five.y);
  await page.mouse.down();
  await page.mouse.move(six.x, six.y - 60, { steps: 2 });
  await page.mouse.move(five.x, five.y, { steps: 2 });
  await page.mouse.up();
  await expect(page).toHaveURL(narrowedTo(quarters[5]!), urlWait);
});

test("a click on a point or on the band above a quarter narrows to that quarter", async ({ page }) => {
  const chart = await overview(page);
  // The band above the third quarter, well clear of the line.
  const band = await tickCentre(chart, 2);
  const top = (await chart.boundingBox())!.y;
  await page.mouse.click(band.x, top + 30);
  await expect(page).toHaveURL(narrowedTo(quarters[2]!), urlWait);

  await page.goBack();
  await expect(page).not.toHaveURL(/from=/, urlWait);
  await expect(chart.locator("[data-quarter-tick]")).toHaveCount(8);
  // A point of the category trends: the seventh quarter's.
  const categories = page.getByTestId("category-trends-chart");
  const x = (await tickCentre(categories, 6)).x;
  const dot = categories.locator("[data-chart-dot]").first();
  await expect(dot).toBeVisible();
  const dots = await categories
    .locator("[data-chart-dot]")
    .evaluateAll((cs) => cs.map((c) => c.getBoundingClientRect()).map((r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 })));
  const point = dots.find((d) => Math.abs(d.x - x) < 3)!;
  await page.mouse.click(point.x, point.y);
  await expect(page).toHaveURL(narrowedTo(quarters[6]!), urlWait);
});

test("on the accountability dashboard, a quarter's label narrows the cases to that quarter", async ({ page }) => {
  await loginAs(page, "leader");
  await page.goto("/cases/dashboard");
  const chart = page.getByTestId("cases-by-category-chart");
  await expect(chart.locator("[data-quarter-tick]")).toHaveCount(8);
  await chart.locator('[data-quarter-tick="6"]').click();
  const q = addQuarters(quarterOf(new Date()), -1);
  await expect(page).toHaveURL(narrowedTo(q), urlWait);
});
