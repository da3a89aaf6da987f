import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";

test.use({ viewport: { width: 1024, height: 768 } });

for (const locale of ["en", "zh-CN"]) {
  test(`on a 1024 px screen the radar's category names stay inside the chart (${locale})`, async ({ page, context }) => {
    await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: "http://localhost" }]);
    await loginAs(page, "leader");
    await page.goto("/dashboard");
    const chart = page.locator("[data-testid='category-radar-chart'] svg").first();
    await chart.scrollIntoViewIfNeeded();
    const labels = chart.locator("[data-radar-label]");
    await expect(labels).toHaveCount(6);
    const box = (await chart.boundingBox())!;
    for (const label of await labels.all()) {
      const b = (await label.boundingBox())!;
      expect(b.x, (await label.textContent()) ?? "").toBeGreaterThanOrEqual(box.x);
      expect(b.x + b.width, (await label.textContent()) ?? "").toBeLessThanOrEqual(box.x + box.width);
      await expect(label).not.toContainText("…");
    }
  });
}
