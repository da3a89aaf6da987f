import { mkdirSync, readFileSync } from "node:fs";
import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";

const shots = "/tmp/shots-simulator";
mkdirSync(shots, { recursive: true });

/**
 * A leader opens the Party-building weight simulator from the annual assessment's tabs, reads the
 * adopted weight, raises the weight with the keyboard, sees the slope chart and the units that
 * change band, reloads (the URL keeps the weight) and exports the slope data. Reads only: it can
 * run again on the data it already saw.
 */
test("the leader raises the Party-building weight with the keyboard and sees ranks and bands change", async ({ page }) => {
  await loginAs(page, "leader");
  await page.goto("/assessment/dashboard");
  await page.getByTestId("assessment-tabs").getByRole("link", { name: "党建权重模拟" }).click();
  await expect(page).toHaveURL(/\/assessment\/simulator/);
  await expect(page.getByRole("heading", { name: "党建权重模拟" })).toBeVisible();

  // The adopted weight is marked under the slider, and the slider starts there.
  const adopted = page.getByTestId("simulator-adopted");
  await expect(adopted).toContainText(/当前采用 \d+%/);
  const now = Number((await adopted.textContent())!.match(/(\d+)%/)![1]);
  const slider = page.getByRole("slider", { name: "模拟党建权重" });
  await expect(slider).toHaveValue(String(now));
  await expect(page.getByTestId("simulator-summary")).toContainText(`所选权重与当前采用的权重相同（${now}%）`);

  // Four presses of → raise it by 20 points (steps of 5).
  const at = Math.min(100, now + 20);
  await slider.focus();
  for (let i = 0; i < 4; i++) await slider.press("ArrowRight");
  await expect(page.getByTestId("simulator-weight")).toHaveText(`${at}%`);
  await expect(page).toHaveURL(new RegExp(`[?&]w=${at}`));
  await expect(page.getByTestId("simulator-summary")).toContainText(`权重从${now}%提高到${at}%`);

  // The slope chart draws a line per ranked unit, the band changes highlighted and named; the list names the same units.
  const chart = page.getByTestId("simulator-slope");
  await expect(chart.locator(".recharts-line").first()).toBeVisible();
  const changes = page.getByTestId("simulator-changes").locator("tbody tr");
  await expect.poll(() => changes.count()).toBeGreaterThan(0);
  const changed = await changes.count();
  await expect(page.getByTestId("simulator-changes")).toContainText(`等次档位变化的单位（${changed}个）`);
  await expect(chart.locator("[data-slope-label]")).toHaveCount(changed);
  const first = (await changes.first().locator("td").first().locator("a").textContent())!;
  await expect(chart.getByText(first, { exact: false })).toBeVisible();
  await page.screenshot({ path: `${shots}/simulator-raised-zh.png`, fullPage: true });

  // Reloading keeps the chosen weight (it lives in the URL).
  await page.reload();
  await expect(page.getByTestId("simulator-weight")).toHaveText(`${at}%`);
  await expect(slider).toHaveValue(String(at));
  await expect(changes).toHaveCount(changed);

  // The slope data as Excel: the export carries every ranked unit.
  const download = page.waitForEvent("download");
  await page.getByTestId("simulator-slope-card").getByRole("button", { name: "下载 Excel" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^党建权重模拟_.*\.xlsx$/);
  expect(
    readFileSync((await file.path())!)
      .subarray(0, 2)
      .toString(),
  ).toBe("PK");

  // A leader may not adopt the weight: that is the admin's.
  await expect(page.getByTestId("simulator-adopt")).toHaveCount(0);
});
