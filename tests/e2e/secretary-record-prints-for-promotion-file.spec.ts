import { mkdirSync, writeFileSync } from "node:fs";
import { inflateSync } from "node:zlib";
import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";
import { trpcQuery } from "./fixtures/trpc";
import { pickUnit } from "./fixtures/unit-picker";

// The demo's secretary who moved this year (scripts/seed/officers.ts movedSecretaryFrom/To; that module
// reaches server-only code, so the names are repeated here).
const movedSecretaryFrom = "市财政局国库科党支部";
const movedSecretaryTo = "市教育考试院党总支";

const shots = "/tmp/shots-officers";
mkdirSync(shots, { recursive: true });

const thisYear = Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date()).slice(0, 4));
const gradeZh = { good: "好", fairly_good: "较好", average: "一般", poor: "差" } as const;
type RecordYear = { year: number; unitName: string; grade: keyof typeof gradeZh | null; gradeState: string };

/**
 * The text of a ToUnicode destination (UTF-16BE code units in hex), NFKC-normalised: a CJK font
 * shares a glyph between 日 and the Kangxi radical ⽇ and its map may name either.
 */
const unicodeOf = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16))).normalize("NFKC");

/**
 * Every character drawn in a PDF, from the ToUnicode maps Chromium embeds with each font (the
 * page text itself is glyph ids): enough to tell that a text was printed.
 */
function printedCharacters(pdf: Buffer): Set<string> {
  const chars = new Set<string>();
  const raw = pdf.toString("latin1");
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf("endstream", start);
    let text: string;
    try {
      text = inflateSync(pdf.subarray(start, end)).toString("latin1");
    } catch {
      continue;
    }
    for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
      for (const pair of block[1]!.matchAll(/<[0-9A-Fa-f]+>\s*<([0-9A-Fa-f]+)>/g)) chars.add(unicodeOf(pair[1]!));
    for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
      for (const r of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
        const n = parseInt(r[2]!, 16) - parseInt(r[1]!, 16);
        for (let i = 0; i <= n; i++) chars.add(String.fromCodePoint(parseInt(r[3]!, 16) + i).normalize("NFKC"));
      }
  }
  return chars;
}

test("an admin finds the moved secretary on the roster, opens the record across both units and prints it on A4", async ({ page }) => {
  await loginAs(page, "admin");
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto("/admin/officers");
  await expect(page.getByRole("heading", { name: "干部名册" })).toBeVisible();
  await pickUnit(page, "单位", movedSecretaryTo);
  const secretary = page.getByTestId("officers-table").locator('tr[data-post="secretary"][data-current="true"]');
  await expect(secretary).toHaveCount(1);
  const name = (await secretary.getAttribute("data-officer"))!;
  await page.screenshot({ path: `${shots}/roster-zh.png`, fullPage: true });

  await secretary.getByRole("link", { name }).click();
  await expect(page).toHaveURL(/\/officers\/\d+$/);
  const id = Number(page.url().split("/").pop());
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);

  // Both units, as one person's record; the years with their grades as the server has them.
  const record = await trpcQuery<{ years: RecordYear[] }>(page, "officer.record", { id });
  const years = page.getByTestId("record-years");
  for (const unit of [movedSecretaryFrom, movedSecretaryTo])
    await expect(years.locator(`section[data-unit="${unit}"]`).first()).toBeVisible();
  const lastYear = record.years.find((y) => y.year === thisYear - 1 && y.unitName === movedSecretaryFrom);
  expect(lastYear, "the secretary's last finished year at the unit he left").toBeDefined();
  const lastGrade = years.locator(`section[data-year="${thisYear - 1}"][data-unit="${movedSecretaryFrom}"]`).getByTestId("year-grade");
  await expect(lastGrade).toContainText(lastYear!.grade ? gradeZh[lastYear!.grade] : "未考核");
  await expect(years.locator(`section[data-year="${thisYear}"][data-unit="${movedSecretaryTo}"]`).getByTestId("year-grade")).toContainText(
    "评定中",
  );
  await expect(page.getByTestId("record-outcomes")).toContainText("提拔");
  await page.screenshot({ path: `${shots}/record-zh.png`, fullPage: true });

  // The page is rendered on the server; its one form (登记 an outcome) brings what it needs when it
  // opens, says what is missing, and after saving the list shows the new line without a reload.
  const outcomes = page.getByTestId("record-outcomes").locator("li");
  const before = await outcomes.count();
  await page.getByRole("button", { name: "登记", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: `登记组织使用情况 — ${name}` });
  await dialog.getByRole("button", { name: "登记" }).click();
  await expect(dialog.getByRole("alert").first()).toBeVisible();
  await dialog.getByLabel("类型").selectOption({ label: "表彰" });
  await dialog.getByLabel("决定日期").fill(`${thisYear}-01-15`);
  await dialog.getByLabel("说明（可选）").fill("年度优秀党务工作者");
  await dialog.getByRole("button", { name: "登记" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("已登记。")).toBeVisible();
  await expect(outcomes).toHaveCount(before + 1);
  await expect(page.getByTestId("record-outcomes")).toContainText("年度优秀党务工作者");

  // Printed: no navigation or buttons, the scope and the date in the header; an A4 PDF that carries them.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation")).toBeHidden();
  await expect(page.getByRole("button", { name: "打印" })).toBeHidden();
  const scope = page.getByTestId("record-scope");
  await expect(scope).toBeVisible();
  await expect(scope).toContainText("范围：");
  await expect(scope).toContainText(movedSecretaryTo);
  await expect(page.getByText(/打印日期：/)).toBeVisible();
  await page.screenshot({ path: `${shots}/record-print-zh.png`, fullPage: true });
  const pdf = await page.pdf({ format: "A4" });
  writeFileSync(`${shots}/record.pdf`, pdf);
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const printed = printedCharacters(pdf);
  for (const ch of `范围打印日期${movedSecretaryTo}${name}`) expect(printed.has(ch), `“${ch}” printed`).toBe(true);
  await page.emulateMedia({ media: "screen" });
  await expect(page.getByRole("button", { name: "打印" })).toBeVisible();
});

test("a leader reaches the same record from the unit page's secretary", async ({ page }) => {
  await loginAs(page, "leader");
  await page.goto("/");
  const units = await trpcQuery<{ units: { id: number; name: string }[] }>(page, "unit.search", { query: movedSecretaryTo });
  const unit = units.units.find((u) => u.name === movedSecretaryTo)!;
  await page.goto(`/units/${unit.id}`);
  const link = page.getByTestId("unit-secretary").getByRole("link");
  await expect(link).toBeVisible();
  const name = (await link.textContent())!;
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  await expect(page.getByRole("button", { name: "打印" })).toBeVisible();
  // A leader reads the record but does not record outcomes.
  await expect(page.getByRole("button", { name: "登记" })).toHaveCount(0);
});
