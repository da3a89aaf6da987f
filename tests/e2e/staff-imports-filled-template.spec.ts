import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures/test";
import ExcelJS from "exceljs";
import { loginAs } from "./fixtures/auth";
import { reportingQuarter } from "./fixtures/quarters";

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Types values into the 填报值 cells of the given indicator codes, as a staff member would in Excel. */
function fillIndicators(ws: ExcelJS.Worksheet, values: Record<string, number | string>) {
  ws.eachRow((row, n) => {
    const code = String(row.getCell(4).value);
    if (n > 1 && code in values) row.getCell(9).value = values[code]!;
  });
}

test("staff downloads the template, fills it in Excel, sees the preview with counts and errors, imports, and sees the values", async ({
  page,
}) => {
  await loginAs(page, "staff");
  await page.goto(`/report?quarter=${reportingQuarter}`);
  const panel = page.getByTestId("spreadsheet-panel");
  await expect(panel.getByRole("heading", { name: "Excel/CSV 导入导出" })).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), panel.getByRole("link", { name: "下载模板" }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^党建报表模板_.+_${reportingQuarter}\\.xlsx$`));
  const original = await readFile(await download.path());

  // First a copy with mistakes: every one is listed, and nothing can be imported.
  const wrong = new ExcelJS.Workbook();
  await wrong.xlsx.load(original as unknown as ExcelJS.Buffer);
  fillIndicators(wrong.getWorksheet("指标")!, { V1_attendance_rate: 120, L1_topic_meetings: "两次", L3_plan_fits: 1 });
  await page.setInputFiles("#spreadsheet-file", {
    name: "有错误.xlsx",
    mimeType: xlsxType,
    buffer: Buffer.from(await wrong.xlsx.writeBuffer()),
  });
  const errors = panel.getByTestId("spreadsheet-errors");
  await expect(errors.getByRole("row")).toHaveCount(3); // header + two errors
  await expect(errors).toContainText("是比率，须在 0 到 100 之间");
  await expect(errors).toContainText("填报值");
  await expect(panel.getByRole("button", { name: "确认导入" })).toBeDisabled();
  await page.screenshot({ path: "test-results/spreadsheet/errors.png" });

  // Then the corrected file.
  const good = new ExcelJS.Workbook();
  await good.xlsx.load(original as unknown as ExcelJS.Buffer);
  // A few values only. The specs share one server: staff-saves-report… later fills the empty
  // fields of this same report and expects the leader's chart to move.
  const filled = { V1_attendance_rate: 87.5, L3_plan_fits: 1, L4_secretary_review: 86, BUSINESS_SCORE: 84.5 };
  fillIndicators(good.getWorksheet("指标")!, filled);
  await page.setInputFiles("#spreadsheet-file", {
    name: "本季度报表.xlsx",
    mimeType: xlsxType,
    buffer: Buffer.from(await good.xlsx.writeBuffer()),
  });
  const preview = panel.getByTestId("spreadsheet-preview");
  await expect(preview).toContainText("导入预览：本季度报表.xlsx");
  const group = preview.locator("tbody tr");
  await expect(group).toHaveCount(1);
  await expect(group.locator("td").nth(3)).toHaveText(String(Object.keys(filled).length)); // 新增
  await expect(group).toContainText("将导入");
  await expect(panel.getByText("检查通过，没有错误")).toBeVisible();
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/spreadsheet/preview.png", fullPage: false });

  await panel.getByRole("button", { name: "确认导入" }).click();
  await expect(panel.getByRole("status").filter({ hasText: "已导入" })).toContainText("1 份报表");
  await expect(page.locator("#value-V1_attendance_rate")).toHaveValue("87.5");
  await expect(page.locator("#businessScore")).toHaveValue("84.5");
  await expect(page.locator("#value-L3_plan_fits")).toHaveValue("1");

  // The same file again: the preview says nothing would change.
  await page.setInputFiles("#spreadsheet-file", {
    name: "本季度报表.xlsx",
    mimeType: xlsxType,
    buffer: Buffer.from(await good.xlsx.writeBuffer()),
  });
  await expect(preview.locator("tbody tr")).toContainText("无变化");
  await expect(panel.getByRole("button", { name: "确认导入" })).toBeDisabled();
});

test("file routes answer like the API: the export with an RFC 5987 name and a BOM, 401, 403 and a Chinese 400", async ({ page }) => {
  const signedOut = await page.request.get(`/api/export/template?unit=1&quarter=${reportingQuarter}`); // no session yet
  expect(signedOut.status()).toBe(401);
  expect(await signedOut.json()).toMatchObject({ error: { code: "UNAUTHORIZED" } });

  await loginAs(page, "staff");
  await page.goto(`/report?quarter=${reportingQuarter}`);
  const csvHref = await page.getByTestId("spreadsheet-panel").getByRole("link", { name: "CSV" }).getAttribute("href");
  const csv = await page.request.get(csvHref!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toMatch(
    /^attachment; filename="reports_\d+_\d{4}Q\d-\d{4}Q\d\.csv"; filename\*=UTF-8''%E5%85%9A%E5%BB%BA/,
  );
  expect([...(await csv.body()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

  // Unit 1 is the demo root, outside the staff member's own unit.
  expect((await page.request.get(`/api/export/reports?unit=1&from=2026Q1&to=2026Q2`)).status()).toBe(403);
  const bad = await page.request.get(`/api/export/template?unit=1&quarter=2026Q5`);
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toContain("季度格式应为 YYYYQn");
});

test("an admin downloads one template for a whole subtree from the completeness page", async ({ page }) => {
  await loginAs(page, "admin");
  await page.goto(`/completeness?quarter=${reportingQuarter}`);
  const links = page.getByTestId("subtree-files");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    links.getByRole("link", { name: "下载本级及下级模板（本季度）" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/及下级_\d{4}Q\d\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(await download.path())) as unknown as ExcelJS.Buffer);
  const units = new Set<unknown>();
  wb.getWorksheet("指标")!.eachRow((row, n) => void (n > 1 && units.add(row.getCell(1).value)));
  expect(units.size).toBeGreaterThan(40);
});
