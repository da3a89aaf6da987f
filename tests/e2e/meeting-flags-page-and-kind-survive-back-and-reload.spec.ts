import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";

// Full pages of 25 rows on a loaded machine.
test.setTimeout(90_000);

/** Every quarter the demo can hold meetings in: more than one page of 25 flags. */
const wide = "/dashboard/meetings?from=2020Q1&to=2029Q4";
const kindLabels = {
  copied_minutes: "记录雷同",
  zero_criticism: "零批评",
  low_attendance: "出勤不足",
  quarter_end_bunching: "季末扎堆",
  copied_duty_report: "述职报告雷同",
} as const;

test("the flags card's page and kind come back with the back button and a reload", async ({ page }) => {
  await loginAs(page, "leader");
  await page.goto(wide);
  const card = page.getByTestId("meeting-flags");
  const pager = page.getByTestId("meeting-flags-pager");
  await expect(pager).toContainText("第 1–25 条");

  // Page 2, then a unit's page from its table, then back: page 2 again, not the first.
  await pager.getByRole("button", { name: "下一页" }).click();
  await expect(pager).toContainText("第 26–50 条");
  await expect(page).toHaveURL(/fpage=2/);
  const unit = card.locator("tbody tr").first().getByRole("link").first();
  const unitName = (await unit.textContent())!;
  await unit.click();
  await expect(page).toHaveURL(/\/units\/\d+/);
  await expect(page.getByRole("heading", { name: unitName }).first()).toBeVisible();
  await page.goBack();
  await expect(pager).toContainText("第 26–50 条");
  await expect(pager.getByRole("button", { name: "上一页" })).toBeEnabled();

  // A kind: its first page; a reload keeps the kind chosen and counted.
  const chip = card.getByRole("button", { name: /^出勤不足/ });
  const count = Number((await chip.locator(".num").textContent())!.trim());
  await chip.click();
  await expect(pager).toContainText(`第 1–${Math.min(25, count)} 条，共 ${count} 条`);
  await expect(page).toHaveURL(/fkind=low_attendance/);
  await page.reload();
  await expect(card.getByRole("button", { name: /^出勤不足/ })).toHaveAttribute("aria-pressed", "true");
  await expect(pager).toContainText(`共 ${count} 条`);
  await expect(card.locator("tbody tr:not([data-flag='low_attendance'])")).toHaveCount(0);

  // Choosing a quarter starts its flags at the first page of all kinds.
  await card.locator("tbody tr").first().getByRole("button").first().click();
  await expect(page).not.toHaveURL(/fkind=/);
  await expect(card.getByRole("button", { name: /^全部类型/ })).toHaveAttribute("aria-pressed", "true");
});

test("a page past the end shows the last page; a kind with no flags says so and can be undone", async ({ page }) => {
  await loginAs(page, "leader");
  await page.goto(`${wide}&fpage=999`);
  const card = page.getByTestId("meeting-flags");
  const pager = page.getByTestId("meeting-flags-pager");
  await expect(pager).toContainText(/第 \d+–\d+ 条，共 \d+ 条/);
  const [, first, last, total] = /第 (\d+)–(\d+) 条，共 (\d+) 条/.exec((await pager.textContent())!)!.map(Number);
  expect(last).toBe(total);
  expect(first).toBe(Math.floor((total! - 1) / 25) * 25 + 1);
  await expect(card.locator("tbody tr")).toHaveCount(last! - first! + 1);
  await expect(pager.getByRole("button", { name: "下一页" })).toBeDisabled();

  // One quarter with flags, and a kind it has none of: chosen from the URL, the chip shows 0 and the table says why.
  await card.locator("tbody tr").first().getByRole("button").first().click();
  await expect(pager).toContainText("第 1–");
  const shown = await card.getByRole("group").getByRole("button").allTextContents();
  const missing = (Object.keys(kindLabels) as (keyof typeof kindLabels)[]).find((k) => !shown.some((c) => c.startsWith(kindLabels[k])));
  expect(missing).toBeDefined();
  await page.goto(`${page.url()}&fkind=${missing}`);
  const chip = card.getByRole("button", { name: new RegExp(`^${kindLabels[missing!]}`) });
  await expect(chip).toHaveAttribute("aria-pressed", "true");
  await expect(chip.locator(".num")).toHaveText("0");
  await expect(card).toContainText(`所选范围内没有“${kindLabels[missing!]}”预警`);
  await expect(pager).toContainText("共 0 条");
  await card.getByRole("button", { name: /^全部类型/ }).click();
  await expect(pager).toContainText("第 1–");
  await expect(card.locator("tbody tr").first()).toHaveAttribute("data-flag", /\w+/);
});
