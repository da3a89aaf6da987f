import ExcelJS from "exceljs";
import fs from "node:fs/promises";
import { type Download, type Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";

const shots = process.env.SHOTS_DIR ?? "test-results/screens";

/** The composite trend's data table as text cells, one array per quarter. */
async function trendTable(page: Page): Promise<string[][]> {
  const card = page.getByTestId("composite-trend");
  const details = card.locator("details");
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await card.getByText("数据表").click();
  const rows = card.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  return rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent.trim())));
}

async function saved(download: Download): Promise<Buffer> {
  return fs.readFile(await download.path());
}

test("leader drills down through the heatmap and back, narrows to a quarter, and exports a chart as CSV, Excel and PNG", async ({
  page,
}) => {
  await loginAs(page, "leader");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "党建质量总览" })).toBeVisible();
  await expect(page.getByTestId("counted-reports")).toHaveText("只统计已审核的报表");

  // Every chart is drawn.
  const table = await trendTable(page);
  expect(table.length).toBe(8);
  const withScore = table.filter((r) => r[1] !== "—").length;
  expect(withScore).toBeGreaterThan(0);
  await expect(page.getByTestId("composite-trend-chart").locator("[data-chart-dot]")).toHaveCount(withScore);
  await expect(page.getByTestId("category-trends-chart").locator("[data-chart-series]")).toHaveCount(6);
  for (const label of ["“一把手”重视不够", "党员先锋作用", "党内政治生活", "党建业务融合", "党建方法创新", "党建责任落实"]) {
    await expect(page.getByTestId("category-trends").getByRole("list").getByText(label)).toBeVisible();
    await expect(page.getByTestId("category-radar-chart").getByText(label)).toBeVisible();
  }
  // The heatmap and best/worst lie below the fold: drawn once scrolled towards.
  await page.getByTestId("best-worst").scrollIntoViewIfNeeded();
  const heatRows = page.getByTestId("unit-heatmap-chart").locator("[data-unit-id]");
  await expect(heatRows.first()).toBeVisible();
  expect(await heatRows.count()).toBeGreaterThan(1);
  await expect(page.getByTestId("best-worst-chart").locator("[data-unit-id]").first()).toBeVisible();
  await expect(page.getByTestId("completeness-chart")).toContainText("按时报送率");
  await page.screenshot({ path: `${shots}/dashboard-zh.png`, fullPage: true });

  // The breadcrumb starts at the leader's own unit.
  const crumb = page.getByTestId("dashboard-breadcrumb");
  const rootName = (await crumb.locator("[aria-current=page]").innerText()).trim();

  // Click a unit in the heatmap: the URL's unit changes and the breadcrumb shows it.
  const target = heatRows.first();
  const unitId = await target.getAttribute("data-unit-id");
  const unitName = (await target.locator("title").textContent())!.trim();
  await target.click();
  await expect(page).toHaveURL(new RegExp(`[?&]unit=${unitId}(&|$)`));
  await expect(crumb.locator("[aria-current=page]")).toHaveText(unitName);
  await expect(page.getByText(`统计范围：${unitName}及下属单位`)).toBeVisible();
  await expect(crumb.getByRole("button", { name: rootName })).toBeVisible();
  await page.screenshot({ path: `${shots}/dashboard-drilled-zh.png`, fullPage: true });

  // Back up through the breadcrumb root.
  await crumb.getByRole("button", { name: rootName }).click();
  await expect(page).not.toHaveURL(/[?&]unit=/);
  await expect(crumb.locator("[aria-current=page]")).toHaveText(rootName);

  // Clicking a quarter narrows the range to it; “恢复全部季度” brings the range back.
  const firstQuarter = table[0]![0]!;
  await page.getByTestId("composite-trend").locator("tbody tr").first().getByRole("button").click();
  await expect(page).toHaveURL(/from=(\d{4}Q\d)&to=\1|to=(\d{4}Q\d)&from=\2/);
  await expect(page.getByTestId("composite-trend").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByTestId("composite-trend").locator("tbody tr").first()).toContainText(firstQuarter);
  await page.getByRole("button", { name: "恢复全部季度" }).click();
  await expect(page).not.toHaveURL(/from=/);
  await expect(page.getByTestId("composite-trend").locator("tbody tr")).toHaveCount(8);

  // CSV: the drawn rows, one per quarter, the same numbers as the table.
  const shown = await trendTable(page);
  const frame = page.getByTestId("composite-trend");
  const [csvDownload] = await Promise.all([page.waitForEvent("download"), frame.getByRole("button", { name: "下载 CSV" }).click()]);
  expect(csvDownload.suggestedFilename()).toMatch(/^党建综合得分趋势_.+\.csv$/);
  const csvBytes = await saved(csvDownload);
  expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csvLines = csvBytes.toString("utf8").slice(1).trimEnd().split("\r\n");
  // 应报单位数: the units due that quarter, so a partial quarter reads as such (issue 12).
  expect(csvLines[0]).toBe("季度,综合得分,计入单位数,应报单位数");
  expect(csvLines.slice(1)).toEqual(shown.map(([q, score, n, due]) => [q, score === "—" ? "" : score, n, due].join(",")));

  // Excel: the same rows, numbers as numbers.
  const [xlsxDownload] = await Promise.all([page.waitForEvent("download"), frame.getByRole("button", { name: "下载 Excel" }).click()]);
  expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await saved(xlsxDownload)) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  expect(ws.getRow(1).values).toEqual([undefined, "季度", "综合得分", "计入单位数", "应报单位数"]);
  expect(ws.rowCount).toBe(shown.length + 1);
  shown.forEach(([q, score, n, due], i) => {
    const row = ws.getRow(i + 2);
    expect(row.getCell(1).value).toBe(q);
    expect(row.getCell(2).value).toBe(score === "—" ? null : Number(score));
    expect(row.getCell(3).value).toBe(Number(n));
    expect(row.getCell(4).value).toBe(Number(due));
  });

  // PNG: a real image of the chart.
  const [pngDownload] = await Promise.all([page.waitForEvent("download"), frame.getByRole("button", { name: "导出图片" }).click()]);
  expect(pngDownload.suggestedFilename()).toMatch(/\.png$/);
  const png = await saved(pngDownload);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.length).toBeGreaterThan(10_000);
  await fs.writeFile(`${shots}/composite-trend-export.png`, png);
  // Twice the on-screen size.
  const width = png.readUInt32BE(16);
  const onScreen = await page.getByTestId("composite-trend-chart").evaluate((el) => el.getBoundingClientRect().width);
  expect(width).toBeGreaterThanOrEqual(Math.floor(onScreen * 2));

  // The switch counts submitted reports too, and says so.
  await page.getByRole("switch", { name: "含已提交未审核" }).click();
  await expect(page).toHaveURL(/inc=submitted/);
  await expect(page.getByTestId("counted-reports")).toHaveText("统计已审核和已提交待审核的报表");

  // English.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Party-building overview" })).toBeVisible();
  await expect(page.getByTestId("composite-trend").getByRole("button", { name: "Download CSV" })).toBeVisible();
  await expect(page.getByTestId("category-trends").getByRole("list").getByText("Members' vanguard role")).toBeVisible();
  await expect(page.getByTestId("composite-trend").getByText("2026 Q", { exact: false }).first()).toBeAttached();
  await page.screenshot({ path: `${shots}/dashboard-en.png`, fullPage: true });
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { name: "党建质量总览" })).toBeVisible();
});

test("staff see their own unit only: the heatmap says there are no units below to compare", async ({ page }) => {
  await loginAs(page, "staff");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "党建质量总览" })).toBeVisible();
  await expect(page.getByTestId("unit-heatmap")).toContainText("您只能查看本单位的数据，没有下级单位可比较");
  await expect(page.getByTestId("unit-heatmap").getByRole("alert")).toHaveCount(0);
  await expect(page.getByTestId("dashboard-breadcrumb").locator("[aria-current=page]")).toBeVisible();
  await expect(page.getByTestId("composite-trend-chart").locator("[data-chart-series]")).toHaveCount(1);
  await page.screenshot({ path: `${shots}/dashboard-staff-zh.png`, fullPage: true });
});

test("the chart Excel route refuses the signed-out and bad bodies with a message naming the field", async ({ page }) => {
  const body = { exportName: "x", columns: [{ key: "a", label: "A" }], rows: [{ a: 1 }] };
  expect((await page.request.post("/api/export/chart", { data: body })).status()).toBe(401);
  await loginAs(page, "leader");
  const ok = await page.request.post("/api/export/chart", { data: body });
  expect(ok.status()).toBe(200);
  expect(ok.headers()["content-type"]).toContain("spreadsheetml");
  const bad = await page.request.post("/api/export/chart", { data: { ...body, rows: Array.from({ length: 50_001 }, () => ({ a: 1 })) } });
  expect(bad.status()).toBe(400);
  const json = (await bad.json()) as { error: { code: string; message: string; fieldErrors: Record<string, string> } };
  expect(json.error.code).toBe("BAD_REQUEST");
  expect(json.error.fieldErrors.rows).toContain("最多 50000 行");
});
