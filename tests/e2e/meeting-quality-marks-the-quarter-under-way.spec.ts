import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";

test("the quarter under way is drawn hollow and explained on the 三会一课 chart, not as a fall to zero", async ({ page }) => {
  await loginAs(page, "leader");
  await page.goto("/");
  // The to-do's flags link covers the last finished quarter and the one under way.
  await page.getByRole("link", { name: "查看预警及会议" }).click();
  await expect(page).toHaveURL(/\/dashboard\/meetings/);
  const card = page.getByTestId("meeting-completion");
  await expect(card.getByTestId("running-note")).toHaveText(/该季度尚未结束/);
  await expect(card.locator("[data-partial]").first()).toBeVisible();
  await expect(card).toContainText("进行中");

  // From the menu: the default range, finished quarters only — nothing to explain.
  await page.getByRole("navigation").first().getByRole("link", { name: "总览", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard(\?|$)/);
  await page.getByRole("link", { name: "会议质量" }).click();
  await expect(page.getByTestId("meeting-completion-chart")).toBeVisible();
  await expect(page.getByTestId("meeting-completion").getByTestId("running-note")).toHaveCount(0);
});

test("in English the quarter under way is labelled “in progress” inside the chart", async ({ page, context }) => {
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: "http://localhost" }]);
  await loginAs(page, "leader");
  await page.goto("/");
  await page.getByRole("link", { name: "See the flags and meetings" }).click();
  const chart = page.getByTestId("meeting-completion-chart");
  const label = chart.locator("[data-coverage-label]");
  await expect(label).toHaveText("in progress");
  await expect(page.getByTestId("running-note")).toContainText("the quarter is not over");
  const [box, text] = [await chart.locator("svg").first().boundingBox(), await label.boundingBox()];
  expect(text!.x + text!.width).toBeLessThanOrEqual(box!.x + box!.width);
});
