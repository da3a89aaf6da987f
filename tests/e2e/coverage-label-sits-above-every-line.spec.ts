import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";

// The “counted/due” label of a quarter still being approved sat 10 px above the first series'
// point: on the unit page the business score's line, drawn higher, ran through it. It now sits
// above the quarter's highest point of every series.
test("on the unit page the quarter's counted/due label is above both lines' points of that quarter", async ({ page }) => {
  await loginAs(page, "leader");
  await page.goto("/units/2");
  const chart = page.getByTestId("unit-trend-chart");
  const label = chart.locator("[data-coverage-label]").first();
  await expect(label).toHaveText(/^\d+\/\d+$/);
  const partial = label.locator("xpath=..");
  const labelBox = (await label.boundingBox())!;
  // The points of that quarter: the same x as the labelled (hollow) point, in every series.
  const hollow = (await partial.locator("[data-chart-dot]").boundingBox())!;
  const centre = hollow.x + hollow.width / 2;
  const tops = await chart.locator("[data-chart-dot]").evaluateAll(
    (dots, x) =>
      dots
        .map((d) => d.getBoundingClientRect())
        .filter((r) => Math.abs(r.x + r.width / 2 - x) < 1)
        .map((r) => r.y),
    centre,
  );
  expect(tops.length).toBeGreaterThan(1);
  expect(labelBox.y + labelBox.height).toBeLessThanOrEqual(Math.min(...tops) + 1);
});
