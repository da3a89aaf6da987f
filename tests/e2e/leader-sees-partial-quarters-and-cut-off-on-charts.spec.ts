import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { formatQuarter, lastQuarters } from "~/lib/quarter";
import { loginAs } from "./fixtures/auth";

const quarters = lastQuarters(8);
const zh = (q: string) => formatQuarter(q, "zh-CN");

/** Records every text the page draws on a canvas (the PNG export draws its header that way). */
async function recordCanvasText(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { drawn: string[] };
    w.drawn = [];
    const fill = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (text: string, x: number, y: number, max?: number) {
      w.drawn.push(text);
      return fill.call(this, text, x, y, max);
    };
  });
  return () => page.evaluate(() => (window as unknown as { drawn: string[] }).drawn.join("\n"));
}

test("a quarter where not every unit due has counted is drawn hollow with counted/due, and the PNG says scope, range and date", async ({
  page,
}) => {
  await loginAs(page, "leader");
  await page.goto("/dashboard");
  const card = page.getByTestId("composite-trend");
  await card.getByText("数据表").click();
  // The table is drawn (and its code loaded) when first unfolded: wait for its rows.
  await expect(card.locator("tbody tr")).toHaveCount(8);
  const rows = await card
    .locator("tbody tr")
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent.trim())));
  expect(rows).toHaveLength(8);
  const partial = rows.filter(([, score, counted, due]) => score !== "—" && Number(counted) < Number(due));
  expect(partial.length).toBeGreaterThan(0); // the demo's newest quarter is still being approved
  const chart = page.getByTestId("composite-trend-chart");
  for (const [, , counted, due] of partial)
    await expect(chart.locator("[data-coverage-label]", { hasText: `${counted}/${due}` })).toBeVisible();
  await expect(chart.locator("[data-partial]")).toHaveCount(partial.length);
  await expect(page.getByTestId("partial-note").first()).toContainText("空心点");

  const drawn = await recordCanvasText(page);
  const [png] = await Promise.all([page.waitForEvent("download"), card.getByRole("button", { name: "导出图片" }).click()]);
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  const text = await drawn();
  const unitName = (await page.getByTestId("dashboard-breadcrumb").locator("[aria-current=page]").innerText()).trim();
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date()).split("-").map(Number);
  expect(text).toContain(`范围：${unitName}及下属单位`);
  expect(text).toContain(`季度：${zh(quarters[0]!)} 至 ${zh(quarters[7]!)}`);
  expect(text).toContain(`导出日期：${today[0]}年${today[1]}月${today[2]}日`);
  expect(text).toContain("空心点");
});

test("the 重业务轻党建 cut-off is stated on the quadrant, and an admin's fixed lines replace the means", async ({ page, browser }) => {
  await loginAs(page, "leader");
  await page.goto("/dashboard/quadrant");
  await expect(page.getByTestId("quadrant-cutoff")).toContainText(/分界：平均值 业务 \d+\.\d \/ 党建 \d+\.\d/);

  const admin = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const adminPage = await admin.newPage();
  await loginAs(adminPage, "admin");
  await adminPage.goto("/admin/settings");
  const setting = adminPage.getByTestId("quadrant-cutoff-setting");
  await setting.getByLabel(/固定分界/).check();
  await setting.getByLabel("党建综合得分分界").fill("120");
  await setting.getByLabel("业务考核得分分界").fill("80");
  await setting.getByRole("button", { name: "保存", exact: true }).click();
  await expect(setting).toContainText("不能大于 100");
  await setting.getByLabel("党建综合得分分界").fill("70");
  await setting.getByRole("button", { name: "保存", exact: true }).click();
  await expect(setting).toContainText("已保存");

  await page.reload();
  await expect(page.getByTestId("quadrant-cutoff")).toContainText("分界：固定 业务 80.0 / 党建 70.0");
  const flagged = page.getByTestId("quadrant-flagged").locator("tbody tr");
  const scores = await flagged.evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll("td")].slice(2, 4).map((td) => Number(td.textContent))),
  );
  for (const [business, party] of scores) {
    expect(business).toBeGreaterThanOrEqual(80);
    expect(party).toBeLessThan(70);
  }

  // Back to the default for the other specs.
  await setting.getByLabel(/平均值/).check();
  await setting.getByRole("button", { name: "保存", exact: true }).click();
  await expect(setting).toContainText("已保存");
  await admin.close();
});
