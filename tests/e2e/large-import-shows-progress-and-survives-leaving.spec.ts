import { expect, test } from "./fixtures/test";
import ExcelJS from "exceljs";
import { loginAs } from "./fixtures/auth";
import { runningQuarter } from "./fixtures/quarters";

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** report-submitted-returned-resubmitted-approved.spec.ts submits this unit's running quarter itself. */
const STAFF_UNIT = "市财政局预算科党支部";

test("an admin imports a whole-tree file as a background job: progress bars, leave the page, come back to the result", async ({ page }) => {
  test.setTimeout(120_000);
  await loginAs(page, "admin");
  const tree = (await (await page.request.get(`/api/trpc/unit.tree?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`)).json()) as {
    result: { data: { json: { id: number; name: string }[] } };
  };
  const units = tree.result.data.json.filter((u) => u.name !== STAFF_UNIT);
  const indicators = ["L1_topic_meetings", "L2_secretary_lectures", "V2_volunteer_rate", "V3_model_posts", "M1_themed_activities"];

  // A file as a department would fill it for the whole tree: every unit, several indicators,
  // the business score, typed the way people type (full-width digits, a percent sign).
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("指标");
  ws.addRow(["单位编号", "季度", "指标代码", "填报值"]);
  for (const u of units) {
    for (const [i, code] of indicators.entries())
      ws.addRow([u.id, runningQuarter, code, code === "V2_volunteer_rate" ? "８５％" : String(1 + i)]);
    ws.addRow([u.id, runningQuarter, "BUSINESS_SCORE", "９０．５"]);
  }
  const rows = units.length * (indicators.length + 1);

  await page.goto(`/report?quarter=${runningQuarter}`);
  const panel = page.getByTestId("spreadsheet-panel");
  await page.setInputFiles("#spreadsheet-file", {
    name: "全市季度报表.xlsx",
    mimeType: xlsxType,
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
  });
  await expect(panel.getByText("检查通过，没有错误")).toBeVisible({ timeout: 60_000 });
  await panel.getByRole("button", { name: "确认导入" }).click();

  // The job is under way: its bars and the note that the page may be left.
  // (On the embedded database the write transaction holds the database, so the page may only
  // hear from the job again once it has finished; on PostgreSQL it sees the bars move.)
  const job = panel.getByTestId("import-job");
  await expect(job).toContainText("导入任务：全市季度报表.xlsx", { timeout: 60_000 });
  if ((await job.getAttribute("data-status")) !== "succeeded") {
    await expect(job.getByRole("progressbar", { name: /已检查|正在读取|排队/ })).toBeVisible();
    await expect(job).toContainText("可以离开本页");
  }
  await page.screenshot({ path: "test-results/import-job/progress.png" });

  // Leave for the to-do page, then come back: the same job is shown, and it finishes.
  await page.goto("/");
  await page.goto(`/report?quarter=${runningQuarter}`);
  const again = page.getByTestId("spreadsheet-panel").getByTestId("import-job");
  await expect(again).toContainText("导入任务：全市季度报表.xlsx");
  await expect(again).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
  await expect(again.getByRole("status")).toContainText(`已导入：更新 ${units.length} 份报表`);
  await expect(again.getByRole("status")).toContainText(`共检查 ${rows} 行`);
  await page.screenshot({ path: "test-results/import-job/finished.png" });

  // The values are there, read as numbers.
  const report = (await (
    await page.request.get(
      `/api/trpc/report.get?input=${encodeURIComponent(JSON.stringify({ json: { unitId: units.at(-1)!.id, quarter: runningQuarter } }))}`,
    )
  ).json()) as { result: { data: { json: { businessScore: number; values: { indicatorCode: string; value: number }[] } } } };
  expect(report.result.data.json.businessScore).toBe(90.5);
  expect(report.result.data.json.values).toContainEqual({ indicatorCode: "V2_volunteer_rate", value: 85 });

  // Closed, it stays closed after a reload.
  await again.getByRole("button", { name: "关闭" }).click();
  await page.reload();
  await expect(page.getByTestId("import-job")).toHaveCount(0);
});
