import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";

// The flags card's page is read with the page on the server (dashboard/meetings/page.tsx), so its
// table is in the HTML the leader's browser receives — at the page and kind the URL names — and
// is not drawn by the browser after hydration (a long task on a slow office PC).
test.use({ javaScriptEnabled: false });

test("the formalism flags table is in the meeting-quality page's HTML, at the page and kind of the URL", async ({ page }) => {
  await loginAs(page, "leader");
  await page.goto("/dashboard/meetings?from=2020Q1&to=2029Q4");
  const card = page.getByTestId("meeting-flags");
  const pager = page.getByTestId("meeting-flags-pager");
  await expect(pager).toContainText("第 1–25 条");
  await expect(card.locator("tbody tr")).toHaveCount(25);

  await page.goto("/dashboard/meetings?from=2020Q1&to=2029Q4&fkind=low_attendance&fpage=2");
  await expect(pager).toContainText("第 26–");
  expect(await card.locator("tbody tr").count()).toBeGreaterThan(0);
  await expect(card.locator("tbody tr:not([data-flag='low_attendance'])")).toHaveCount(0);
});
