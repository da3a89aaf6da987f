import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";

// The flags table's rows are server HTML without a client component each (issue 16: their
// quarter buttons and prefetching links were most of the page's hydration): the table's box
// answers their clicks. Links do not prefetch on load; a click still navigates inside the app.
const range = "from=2020Q1&to=2029Q4";

test("the flags rows' links prefetch nothing on load, and a unit link and a quarter button still answer", async ({ page }) => {
  await loginAs(page, "leader");
  const prefetched: string[] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    // A link's prefetch asks for the page's RSC payload.
    if (/^\/(units|meetings)\b/.test(url.pathname) && (r.headers()["next-router-prefetch"] || url.searchParams.has("_rsc")))
      prefetched.push(url.pathname);
  });
  await page.goto(`/dashboard/meetings?${range}`);
  const card = page.getByTestId("meeting-flags");
  await expect(card.locator("tbody tr")).toHaveCount(25);
  await card.locator("tbody tr").last().scrollIntoViewIfNeeded();
  await page.waitForTimeout(1000);
  expect(prefetched).toEqual([]);

  // A unit's link: the app navigates (the page is not loaded again: the marker stays).
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  const unitLink = card.locator("tbody tr").first().locator("td").nth(1).getByRole("link");
  const href = await unitLink.getAttribute("href");
  await unitLink.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

  // A flag's quarter narrows the range to it.
  await page.goBack();
  const quarterButton = card.locator("tbody tr").first().getByRole("button");
  await expect(quarterButton).toBeVisible();
  const quarter = await quarterButton.getAttribute("data-quarter");
  await quarterButton.click();
  await expect(page).toHaveURL(new RegExp(`[?&]from=${quarter}(&|$)`));
  await expect(page).toHaveURL(new RegExp(`[?&]to=${quarter}(&|$)`));
  await expect(card.locator(`tbody button[data-quarter]:not([data-quarter="${quarter}"])`)).toHaveCount(0);
});
