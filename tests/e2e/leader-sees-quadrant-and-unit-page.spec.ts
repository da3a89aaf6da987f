import { mkdirSync } from "node:fs";
import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { buildDemoTree, demoStaffUnitName } from "~/scripts/seed/demo-tree";
import { loginAs } from "./fixtures/auth";
import { reportingQuarter } from "./fixtures/quarters";

const shots = "/tmp/shots-pages";
mkdirSync(shots, { recursive: true });

// The demo units seeded as 重业务轻党建 (profile "bizFirst" in scripts/seed/demo-tree.ts): all of them are
// drawn, each by its own report, when the quadrant compares every unit.
const tree = buildDemoTree();
const hasChildren = (id: number) => tree.some((u) => u.parentId === id);
const bizFirst = tree.filter((u) => u.profile === "bizFirst");
const bizFirstBranches = bizFirst.filter((u) => !hasChildren(u.id));

const flaggedList = (page: Page) => page.getByTestId("quadrant-flagged");
const dots = (page: Page) => page.getByTestId("quadrant-chart").locator("[data-chart-dot]");
/** The chart's table (the rows it draws); drawn once unfolded (`openTable`). */
const tableRows = (page: Page) => page.getByTestId("quadrant-chart-card").locator("details tbody tr");

/** Unfolds the chart's “数据表” (without moving the page), so its rows are drawn. */
const openTable = (page: Page) =>
  page
    .getByTestId("quadrant-chart-card")
    .locator("details")
    .evaluate((d) => d.setAttribute("open", ""));

/** Every unit with both scores is one dot and one table row; there are some, and no more than `atMost`. */
async function expectDotsMatchTable(page: Page, atMost: number) {
  await expect(dots(page).first()).toBeVisible();
  await openTable(page);
  await expect(tableRows(page).first()).toBeAttached();
  const n = await tableRows(page).count();
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThanOrEqual(atMost);
  await expect(dots(page)).toHaveCount(n);
}

test("the quadrant lists the seeded 重业务轻党建 units, and one opens its unit page with trend and reports", async ({ page }) => {
  expect(bizFirst).toHaveLength(6);
  expect(bizFirstBranches.length).toBeGreaterThanOrEqual(5);
  await loginAs(page, "leader");
  await page.goto("/dashboard/quadrant");
  await expect(page.getByRole("heading", { name: "重业务轻党建分析" })).toBeVisible();
  await expect(page.getByTestId("dashboard-tabs").getByRole("link", { name: "重业务轻党建" })).toHaveAttribute("aria-current", "page");

  // The next level: the five 机关党委, drawn with the four quadrants named.
  const chart = page.getByTestId("quadrant-chart");
  await expectDotsMatchTable(page, tree.filter((u) => u.parentId === tree[0]!.id).length);
  for (const q of ["高业务·低党建", "高业务·高党建", "低业务·低党建", "低业务·高党建"]) await expect(chart.getByText(q)).toBeVisible();
  await page.screenshot({ path: `${shots}/quadrant-children-zh.png`, fullPage: true });

  // Every unit: the six seeded business-first units are all in the highlighted list.
  await page.getByRole("button", { name: "全部单位（按本单位报表）" }).click();
  await expect(page).toHaveURL(/level=units/);
  await expect.poll(() => dots(page).count()).toBeGreaterThan(bizFirst.length);
  await expectDotsMatchTable(page, tree.length - 1);
  for (const unit of bizFirst) await expect(flaggedList(page).getByText(unit.name, { exact: true })).toBeVisible();
  // The list is the quadrant: a strong unit (high on both) is not in it.
  const strong = tree.find((u) => u.profile === "strong" && !hasChildren(u.id))!;
  await expect(flaggedList(page).getByText(strong.name)).toHaveCount(0);
  await page.screenshot({ path: `${shots}/quadrant-units-zh.png`, fullPage: true });

  // The export buttons work on exactly the drawn rows.
  const download = page.waitForEvent("download");
  await page.getByTestId("quadrant-chart-card").getByRole("button", { name: "下载 CSV" }).click();
  const csv = await (await download).path().then((p) => import("node:fs").then((fs) => fs.readFileSync(p, "utf8")));
  for (const unit of bizFirst) expect(csv).toContain(unit.name);

  // One of them opens its unit page: its trend and its reports.
  const target = bizFirstBranches[0]!;
  const targetLink = flaggedList(page).getByRole("link", { name: target.name });
  const targetId = (await targetLink.getAttribute("href"))!.replace("/units/", "");
  await targetLink.click();
  await expect(page).toHaveURL(new RegExp(`/units/${targetId}$`));
  await expect(page.getByRole("heading", { name: target.name })).toBeVisible();
  await expect(page.getByTestId("unit-trend-chart").locator("[data-chart-dot]").first()).toBeVisible();
  const reports = page.getByTestId("unit-reports");
  const latest = reports.locator(`tr[data-quarter="${reportingQuarter}"]`);
  await expect(latest).toContainText("已审核"); // the showcase units' newest reports are approved
  await expect(latest.getByRole("link")).toHaveAttribute("href", `/report?unit=${targetId}&quarter=${reportingQuarter}`);
  await expect(page.getByTestId("unit-parent")).toHaveText(tree.find((u) => u.id === target.parentId)!.name);
  await expect(page.getByTestId("unit-meetings").locator("tbody tr").first()).toBeVisible();
  await expect(reports.locator("tbody tr").last()).toContainText("已审核"); // older quarters are all approved
  await page.screenshot({ path: `${shots}/unit-page-zh.png`, fullPage: true });
});

test("clicking a unit with units below it drills the quadrant down; the breadcrumb walks back", async ({ page }) => {
  await loginAs(page, "leader");
  await page.goto("/dashboard/quadrant");
  const first = page.getByTestId("quadrant-chart-card").locator("details");
  await first.locator("summary").click();
  const row = first.locator("tbody tr").first();
  const name = (await row.locator("td").first().innerText()).trim();
  await row.getByRole("button").click();
  const unit = tree.find((u) => u.name === name)!;
  await expect(page).toHaveURL(/unit=\d+/);
  await expect(page.getByTestId("dashboard-breadcrumb")).toContainText(name);
  await expect(tableRows(page).first().locator("td").first()).not.toHaveText(name);
  await expectDotsMatchTable(page, tree.filter((u) => u.parentId === unit.id).length);
  await page.getByTestId("dashboard-breadcrumb").getByRole("button", { name: tree[0]!.name }).click();
  await expect(page).not.toHaveURL(/unit=/);
});

test("meeting quality shows 三会一课 completion by type and a formalism flag that links to its meeting", async ({ page }) => {
  await loginAs(page, "leader");
  await page.goto("/dashboard/meetings");
  await expect(page.getByRole("heading", { name: "会议质量分析" })).toBeVisible();
  const completion = page.getByTestId("meeting-completion");
  for (const type of ["支部党员大会", "支部委员会会议", "党小组会", "党课"]) await expect(completion.getByText(type).first()).toBeVisible();
  await expect(page.getByTestId("meeting-completion-chart").locator("[data-chart-series]")).toHaveCount(4);
  await expect(page.getByTestId("meeting-distribution-chart").locator("[data-chart-bar]").first()).toBeVisible();
  await page.screenshot({ path: `${shots}/meetings-zh.png`, fullPage: true });

  // A flag with a meeting opens that meeting's record on the meetings page.
  await page
    .getByTestId("meeting-flags")
    .getByRole("button", { name: /^零批评/ })
    .click();
  await expect(page.getByTestId("meeting-flags").locator("tbody tr:not([data-flag='zero_criticism'])")).toHaveCount(0);
  const link = page.getByTestId("meeting-flags").locator("tr[data-flag='zero_criticism']").first().getByTestId("flag-meeting-link");
  const href = (await link.getAttribute("href"))!;
  expect(href).toMatch(/^\/meetings\?unit=\d+&quarter=\d{4}Q[1-4]#meeting-\d+$/);
  await link.click();
  const meetingId = href.split("#meeting-")[1]!;
  await expect(page.locator(`#meeting-${meetingId}`)).toBeVisible();

  // Clicking a quarter narrows the range to it.
  await page.goBack();
  await page.getByTestId("meeting-completion").locator("details summary").click();
  await page.getByTestId("meeting-completion").locator("tbody tr").first().getByRole("button").click();
  await expect(page).toHaveURL(/from=/);
  const url = new URL(page.url());
  expect(url.searchParams.get("from")).toMatch(/^\d{4}Q[1-4]$/);
  expect(url.searchParams.get("to")).toBe(url.searchParams.get("from"));
});

test("in English: the quadrant and the unit page", async ({ page, context }) => {
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: "http://localhost" }]);
  await loginAs(page, "leader");
  await page.goto("/dashboard/quadrant?level=units");
  await expect(page.getByRole("heading", { name: "Business over Party building" })).toBeVisible();
  await expect(page.getByTestId("quadrant-chart").getByText("High business · low Party building")).toBeVisible();
  await expect(flaggedList(page).getByRole("link", { name: bizFirstBranches[0]!.name })).toBeVisible();
  await page.screenshot({ path: `${shots}/quadrant-units-en.png`, fullPage: true });
  const href = (await flaggedList(page).getByRole("link", { name: bizFirstBranches[1]!.name }).getAttribute("href"))!;
  await page.goto(href);
  await expect(page.getByTestId("unit-reports")).toContainText(`${reportingQuarter.slice(0, 4)} Q${reportingQuarter.slice(5)}`);
  await expect(page.getByTestId("unit-reports").locator("tbody tr").first()).toContainText("Approved");
  await page.screenshot({ path: `${shots}/unit-page-en.png`, fullPage: true });
  await page.goto("/dashboard/meetings");
  await expect(page.getByTestId("meeting-completion")).toContainText("Party lecture");
  await expect(page.getByTestId("meeting-distribution-chart").locator("[data-chart-bar]").first()).toBeVisible();
  await page.screenshot({ path: `${shots}/meetings-en.png`, fullPage: true });
});

test("staff: no quadrant to compare, their own unit page, and not another unit's", async ({ page }) => {
  await loginAs(page, "staff");
  await page.goto("/dashboard/quadrant");
  await expect(page.getByTestId("chart-empty")).toContainText("您只能查看本单位的数据");
  const own = tree.find((u) => u.name === demoStaffUnitName)!;
  await page.goto(`/units/${own.id}`);
  await expect(page.getByRole("heading", { name: demoStaffUnitName })).toBeVisible();
  await expect(page.getByTestId("unit-reports").locator("tbody tr")).toHaveCount(8);
  await page.goto(`/units/${tree[0]!.id}`);
  await expect(page.getByRole("alert").filter({ hasText: "无权" })).toContainText("无权查看该单位的数据");
});
