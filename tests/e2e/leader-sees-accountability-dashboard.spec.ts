import { mkdirSync } from "node:fs";
import { type APIRequestContext, type Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { formatQuarter } from "~/lib/quarter";
import { loginAs } from "./fixtures/auth";

// The 问责统计 page against the seeded cases. Expectations come from case.list over HTTP (the
// cases the leader may see, counted here), never from the dashboard's own procedure.

type Listed = { id: number; unitId: number; category: string; status: string; quarter: string; overdueItems: number };
const shots = "/tmp/shots-casedash";

async function listCases(request: APIRequestContext, unitId: number): Promise<Listed[]> {
  const res = await request.get(`/api/trpc/case.list?input=${encodeURIComponent(JSON.stringify({ json: { unitId } }))}`);
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { result: { data: { json: { cases: Listed[] } } } };
  return body.result.data.json.cases;
}

/** The range the page shows, read from its own selects (the default range depends on today). */
async function rangeOf(page: Page) {
  const filters = page.getByTestId("case-dashboard-filters");
  return { from: await filters.getByLabel("起始季度").inputValue(), to: await filters.getByLabel("结束季度").inputValue() };
}

async function rootUnitId(request: APIRequestContext): Promise<number> {
  const res = await request.get("/api/trpc/unit.tree");
  const tree = ((await res.json()) as { result: { data: { json: { id: number; parentId: number | null }[] } } }).result.data.json;
  return tree[0]!.id;
}

test("a leader sees the accountability dashboard, filters it by category and follows an overdue item to its case", async ({ page }) => {
  test.setTimeout(60_000); // each filter, drill and back is a server render; a loaded machine needs more than 30 s
  mkdirSync(shots, { recursive: true });
  await loginAs(page, "leader");
  await page.goto("/cases");
  await page.getByRole("link", { name: "问责统计" }).click();
  await expect(page).toHaveURL(/\/cases\/dashboard/);
  await expect(page.getByRole("heading", { name: "问责统计" })).toBeVisible();

  const unitId = await rootUnitId(page.request);
  const { from, to } = await rangeOf(page);
  const all = (await listCases(page.request, unitId)).filter((c) => c.quarter >= from && c.quarter <= to);
  expect(all.length).toBeGreaterThan(0);
  const overdueItems = all.reduce((n, c) => n + c.overdueItems, 0);
  expect(overdueItems).toBeGreaterThan(0); // the seed has overdue rectifications

  // Headline figures = what the case list holds for the range.
  await expect(page.getByTestId("figure-total")).toHaveText(String(all.length));
  await expect(page.getByTestId("figure-open")).toHaveText(String(all.filter((c) => c.status !== "closed").length));
  await expect(page.getByTestId("figure-closed")).toHaveText(String(all.filter((c) => c.status === "closed").length));
  await expect(page.getByTestId("figure-overdue-items")).toHaveText(String(overdueItems));
  await expect(page.getByTestId("figure-overdue-cases")).toHaveText(String(all.filter((c) => c.overdueItems > 0).length));

  // The charts are drawn, with labelled legends; the by-category table totals per quarter match the list.
  const byCategory = page.getByTestId("cases-by-category");
  await expect(byCategory.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(byCategory.getByRole("list", { name: "图例" })).toContainText("党内政治生活");
  await expect(page.getByTestId("cases-by-form").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByTestId("case-status-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByTestId("case-root-causes-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await byCategory.locator("summary").click();
  const quarters = [...new Set(all.map((c) => c.quarter))];
  for (const q of quarters) {
    const row = byCategory.locator("tbody tr", { hasText: formatQuarter(q, "zh-CN") });
    await expect(row.locator("td").last()).toHaveText(String(all.filter((c) => c.quarter === q).length));
  }
  await page.screenshot({ path: `${shots}/dashboard-zh.png`, fullPage: true });

  // Category filter through the UI: the URL carries it and every figure narrows to it.
  await page.getByTestId("case-dashboard-filters").getByLabel("问题类别").selectOption("inner_life");
  await expect(page).toHaveURL(/[?&]cat=inner_life/);
  const innerLife = all.filter((c) => c.category === "inner_life");
  expect(innerLife.length).toBeGreaterThan(0);
  await expect(page.getByTestId("figure-total")).toHaveText(String(innerLife.length));
  await expect(byCategory.getByRole("list", { name: "图例" }).locator("li")).toHaveText(["党内政治生活"]);
  await page.screenshot({ path: `${shots}/dashboard-zh-inner-life.png`, fullPage: true });
  await page.getByTestId("case-dashboard-filters").getByLabel("问题类别").selectOption("");
  await expect(page).not.toHaveURL(/cat=/);
  // The page renders on the server: the whole range's figures are back before the next step.
  await expect(page.getByTestId("figure-total")).toHaveText(String(all.length));

  // Clicking a quarter's column narrows the range to that quarter.
  const busiest = quarters.sort((a, b) => all.filter((c) => c.quarter === b).length - all.filter((c) => c.quarter === a).length)[0]!;
  await byCategory
    .locator("tbody tr", { hasText: formatQuarter(busiest, "zh-CN") })
    .getByRole("button")
    .click();
  await expect(page).toHaveURL(new RegExp(`from=${busiest}.*to=${busiest}|to=${busiest}.*from=${busiest}`));
  await expect(page.getByTestId("figure-total")).toHaveText(String(all.filter((c) => c.quarter === busiest).length));
  await page.goBack();
  await expect(page.getByTestId("figure-total")).toHaveText(String(all.length));
  const bar = page.getByTestId("cases-by-form-chart").locator(".recharts-bar-rectangle").first();
  await bar.click();
  await expect(page).toHaveURL(/from=\d{4}Q\d.*to=\d{4}Q\d/);
  const clicked = await rangeOf(page);
  expect(clicked.from).toBe(clicked.to);
  await page.goBack();
  await expect(page.getByTestId("figure-total")).toHaveText(String(all.length));

  // Repeated units (the seed puts 12 cases on 7 units): each links to its case list, and drills the dashboard down to it.
  const repeated = page.getByTestId("repeated-table").locator("tbody tr").first();
  const repeatedId = Number(await repeated.getAttribute("data-unit"));
  const repeatedCount = all.filter((c) => c.unitId === repeatedId).length;
  expect(repeatedCount).toBeGreaterThanOrEqual(2);
  await expect(repeated.locator("td.num")).toHaveText(String(repeatedCount));
  await expect(repeated.getByRole("link").first()).toHaveAttribute("href", `/cases?unit=${repeatedId}`);
  await repeated.getByRole("button", { name: "下钻统计" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]unit=${repeatedId}`));
  await expect(page.getByTestId("figure-total")).toHaveText(String(repeatedCount));
  await page.goBack();
  await expect(page.getByTestId("figure-total")).toHaveText(String(all.length));

  // English, same figures.
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Accountability statistics" })).toBeVisible();
  await expect(page.getByTestId("figure-total")).toHaveText(String(all.length));
  await expect(page.getByTestId("cases-by-category").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await page.screenshot({ path: `${shots}/dashboard-en.png`, fullPage: true });
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: page.url() }]);
  await page.reload();

  // The most overdue item links to its case, which shows it overdue.
  const first = page.getByTestId("overdue-table").locator("tbody tr").first();
  const caseId = Number(await first.getAttribute("data-case"));
  expect(all.find((c) => c.id === caseId)?.overdueItems).toBeGreaterThan(0);
  await expect(first.getByText(/逾期 \d+ 天/)).toBeVisible();
  await first.getByRole("link", { name: `#${caseId}` }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}$`));
  await expect(page.getByRole("heading", { name: `问责案件 #${caseId}` })).toBeVisible();
  await expect(page.getByTestId("case-items").locator("[data-overdue]").first()).toBeVisible();
});

test("an empty range says so", async ({ page }) => {
  await loginAs(page, "leader");
  await page.goto("/cases/dashboard?from=2001Q1&to=2001Q4");
  await expect(page.getByTestId("case-dashboard-empty")).toHaveText("所选范围内没有问责案件");
});
