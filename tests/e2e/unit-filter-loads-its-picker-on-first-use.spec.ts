import { loginAs } from "./fixtures/auth";
import { recordTrpcCalls } from "./fixtures/server-render";
import { expect, test } from "./fixtures/test";

// Issue 16: a filter bar's unit field is a plain input showing the unit the page read on the
// server (UnitPickerShell) until first used; the searching picker and the query layer load then,
// and take over the focus and what was typed meanwhile.
test("a unit filter loads its picker on first use and keeps what was typed before it arrived", async ({ page }) => {
  await loginAs(page, "reviewer");
  const calls = recordTrpcCalls(page);
  await page.goto("/cases");
  const picker = page.getByRole("combobox", { name: "单位（含下级）", exact: true });
  await expect(picker).toHaveValue("中共某市委市直机关工委");
  await expect(page.locator('[data-unit-picker="shell"]')).toHaveCount(1);

  // The picker's code arrives late (a slow office network): the person types before it is there.
  let releaseChunks!: () => void;
  const chunksHeld = new Promise<void>((resolve) => (releaseChunks = resolve));
  await page.route("**/_next/static/chunks/**", async (route) => {
    await chunksHeld;
    await route.continue();
  });
  await picker.click();
  await expect(picker).toHaveValue("");
  await page.keyboard.type("国库科");
  await expect(picker).toHaveValue("国库科");
  expect(calls).toEqual([]);
  releaseChunks();

  const option = page.locator('[role="option"][data-unit-name="市财政局国库科党支部"]');
  await expect(option).toBeVisible();
  await expect(page.locator('[data-unit-picker="shell"]')).toHaveCount(0);
  await expect(picker).toBeFocused();
  await expect(picker).toHaveValue("国库科");
  expect(calls.length).toBeGreaterThan(0);
  expect(
    calls.filter((u) => !/unit\.(search|tree)/.test(u)),
    "the picker asks for units only",
  ).toEqual([]);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/unit=\d+/);
  await expect(picker).toHaveValue("市财政局国库科党支部");
});
