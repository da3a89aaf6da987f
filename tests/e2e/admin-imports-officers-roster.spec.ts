import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures/test";
import ExcelJS from "exceljs";
import { loginAs } from "./fixtures/auth";

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The downloaded template with rows added after its last one, as an admin would type them in Excel. */
async function withRows(original: Buffer, rows: ExcelJS.CellValue[][]) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(original as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet("干部名册")!;
  const unitId = ws.getRow(2).getCell(1).value; // the page's unit comes first
  for (const r of rows) ws.addRow([unitId, null, ...r]);
  return { unitId, buffer: Buffer.from(await wb.xlsx.writeBuffer()), lastRow: ws.rowCount };
}

test("admin downloads the roster template, sees every error of a bad file by row and column, then imports a corrected one", async ({
  page,
}) => {
  await loginAs(page, "admin");
  await page.goto("/admin/officers");
  await expect(page.getByRole("heading", { name: "干部名册" })).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载名册模板" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^干部名册_.+\.xlsx$/);
  const original = await readFile(await download.path());

  // A new member with a name no earlier run used: the spec passes again on the data it changed.
  const name = `导入委员${Date.now() % 1_000_000}`;
  const bad = await withRows(original, [
    [name, "组长", "否", "否", "2024-01-05", null],
    [`${name}乙`, "委员", "否", "否", "去年春天", null],
  ]);
  await page.getByRole("button", { name: "导入名册" }).click();
  const dialog = page.getByRole("dialog", { name: "从表格导入干部名册" });
  await dialog.locator("#roster-file").setInputFiles({ name: "名册有错误.xlsx", mimeType: xlsxType, buffer: bad.buffer });
  const errors = dialog.getByTestId("spreadsheet-errors");
  await expect(errors.getByRole("row")).toHaveCount(3); // header + two errors
  await expect(errors).toContainText(`第 ${bad.lastRow - 1} 行`);
  await expect(errors).toContainText("职务“组长”无法识别");
  await expect(errors).toContainText("任职开始");
  await expect(errors).toContainText("日期无法识别");
  await expect(dialog.getByRole("button", { name: "确认导入" })).toBeDisabled();

  const good = await withRows(original, [[name, "委员", "否", "否", "2024年1月5日", null]]);
  await dialog.locator("#roster-file").setInputFiles({ name: "名册.xlsx", mimeType: xlsxType, buffer: good.buffer });
  const preview = dialog.getByTestId("roster-preview");
  await expect(preview.locator('[data-count="created"] dd')).toHaveText("1");
  await expect(preview.locator('[data-count="updated"] dd')).toHaveText("0");
  await expect(dialog.getByTestId("spreadsheet-errors")).toHaveCount(0);
  await dialog.getByRole("button", { name: "确认导入" }).click();

  await expect(page.getByRole("status").filter({ hasText: "干部名册已导入" })).toContainText("新增 1 条");
  const row = page.getByTestId("officers-table").locator(`tr[data-officer="${name}"]`);
  await expect(row).toContainText("委员");
  await expect(row).toContainText("2024年1月5日");
});
