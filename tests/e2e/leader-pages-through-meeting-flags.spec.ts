import { mkdirSync } from "node:fs";
import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";

const shots = "/tmp/shots-flags";
mkdirSync(shots, { recursive: true });
// Full-page screenshots of a long page take a while on a loaded machine.
test.setTimeout(90_000);

/** Every quarter the demo can hold meetings in: enough flags for more than one page of 25. */
const wide = "/dashboard/meetings?from=2020Q1&to=2029Q4";
const summary = (text: string | null) => {
  const m = /第 (\d+)–(\d+) 条，共 (\d+) 条/.exec(text ?? "");
  if (!m) throw new Error(`no pager summary in ${text}`);
  return { first: Number(m[1]), last: Number(m[2]), total: Number(m[3]) };
};

test("the formalism flags are listed 25 at a time, with their counts by kind and a kind filter", async ({ page }) => {
  await loginAs(page, "leader");
  await page.goto(wide);
  const card = page.getByTestId("meeting-flags");
  const pager = page.getByTestId("meeting-flags-pager");
  await expect(pager).toContainText("第 1–");
  const first = summary(await pager.textContent());
  expect(first.total).toBeGreaterThan(25);
  expect(first).toMatchObject({ first: 1, last: 25 });
  await expect(card.locator("tbody tr")).toHaveCount(25);
  await expect(card).toContainText(`形式主义预警（${first.total} 条）`);
  await expect(pager.getByRole("button", { name: "上一页" })).toBeDisabled();
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/flags-zh-page1.png`, fullPage: true });

  // The next page: the following 25, none of the first page's again.
  const firstKeys = await card.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.textContent));
  await pager.getByRole("button", { name: "下一页" }).click();
  await expect(pager).toContainText("第 26–");
  const secondKeys = await card.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.textContent));
  expect(secondKeys.filter((k) => firstKeys.includes(k))).toEqual([]);
  await pager.getByRole("button", { name: "上一页" }).click();
  await expect(pager).toContainText("第 1–25 条");

  // One kind: its chip's count is the total, every row is of that kind, back to its first page.
  const chip = card.getByRole("button", { name: /^出勤不足/ });
  const count = Number((await chip.locator(".num").textContent())!.trim());
  await chip.click();
  await expect(pager).toContainText(`共 ${count} 条`);
  await expect(pager).toContainText("第 1–");
  await expect(card.locator("tbody tr:not([data-flag='low_attendance'])")).toHaveCount(0);
  await page.screenshot({ path: `${shots}/flags-zh-kind.png`, fullPage: true });
});

test("in English: the pager and the kind filter", async ({ page, context }) => {
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: "http://localhost" }]);
  await loginAs(page, "leader");
  await page.goto(wide);
  const pager = page.getByTestId("meeting-flags-pager");
  await expect(pager).toContainText(/1–25 of \d+/);
  await expect(pager.getByRole("button", { name: "Next" })).toBeEnabled();
  await page.getByTestId("meeting-flags").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/flags-en.png`, fullPage: true });
});
