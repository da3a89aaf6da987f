import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, type Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";

// Every page each role can open, scanned with axe for WCAG 2.1 A and AA once its data has
// loaded (charts' data tables unfolded), plus the main dialogs. Any serious or critical
// violation fails the role's test, listed with page, rule, help text and selectors. Read-only:
// dialogs are opened and closed with Esc, never submitted.

type Role = "admin" | "leader" | "reviewer" | "staff";
type Finding = { page: string; id: string; impact: string; help: string; targets: string[] };

const wcag21aa = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Waits until the page shows its data: no network traffic, no busy region, no “正在加载…”. */
async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByText(/正在加载|Loading/)).toHaveCount(0, { timeout: 15_000 });
}

async function scan(page: Page, label: string, findings: Finding[], include?: string) {
  const builder = new AxeBuilder({ page }).withTags(wcag21aa);
  const { violations } = await (include ? builder.include(include) : builder).analyze();
  for (const v of violations) {
    if (v.impact !== "serious" && v.impact !== "critical") continue;
    findings.push({ page: label, id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) });
  }
}

/**
 * Every chart that draws something offers its data as a table with at least one row (its text
 * alternative): a chart card folds it under “数据表”; any other recharts chart (the review slide)
 * has one in its section.
 */
async function checkChartTables(page: Page, path: string) {
  const frames = page.locator("[data-chart-frame]");
  for (let i = 0; i < (await frames.count()); i++) {
    const frame = frames.nth(i);
    const drawn = (await frame.locator("[data-chart-area] svg").count()) > 0 && (await frame.getByTestId("chart-empty").count()) === 0;
    if (!drawn) continue;
    const name = (await frame.locator("h2").first().textContent()) ?? `chart ${i + 1}`;
    await expect.soft(frame.locator("details > summary"), `${path}: “${name}” offers its data table`).toHaveCount(1);
    // Drawn when unfolded.
    await frame.locator("details > summary").click();
    await expect.soft(frame.locator("details table tbody tr").first(), `${path}: “${name}” data table has rows`).toBeVisible();
  }
  const bare = await page
    .locator(".recharts-wrapper")
    .evaluateAll((charts) =>
      charts
        .filter((c) => !c.closest("[data-chart-frame]") && !c.closest("section")?.querySelector("table tbody tr"))
        .map((c) => c.closest("section")?.querySelector("h2, h3")?.textContent ?? c.outerHTML.slice(0, 80)),
    );
  expect.soft(bare, `${path}: charts without a data table`).toEqual([]);
}

/** Opens a page, checks it rendered (a heading, no error), unfolds the data tables, then scans. */
async function visit(page: Page, path: string, findings: Finding[]) {
  await page.goto(path);
  await settle(page);
  await expect.soft(page.locator("h1").first(), `${path} has a main heading`).toBeVisible();
  await expect.soft(page.locator('main [role="alert"]'), `${path} shows no error`).toHaveCount(0);
  await checkChartTables(page, path);
  // The tables are the charts' text alternative: scan them too.
  await page.locator("details:not([open])").evaluateAll((ds) => ds.forEach((d) => d.setAttribute("open", "")));
  await scan(page, path, findings);
}

/** Opens the dialog behind the button named `button`, scans it, closes it with Esc. */
async function scanDialog(page: Page, path: string, button: string, findings: Finding[]) {
  await page.getByRole("button", { name: button, exact: true }).first().click();
  const dialog = page.locator("dialog[open]");
  await expect(dialog).toBeVisible();
  await settle(page);
  await scan(page, `${path} › ${button}`, findings, "dialog[open]");
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
}

async function trpcGet<T>(request: APIRequestContext, procedure: string, input?: unknown): Promise<T> {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const res = await request.get(`/api/trpc/${procedure}${query}`);
  expect(res.ok(), `${procedure} answers`).toBe(true);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** Pages with a seeded id, read over HTTP: the role's own unit, a case it can see, the seeded review meeting. */
async function seededPages(request: APIRequestContext, role: Role) {
  const unitId = (await trpcGet<{ id: number }[]>(request, "unit.tree"))[0]!.id;
  const { cases } = await trpcGet<{ cases: { id: number }[] }>(request, "case.list", { unitId });
  const out = { unit: `/units/${unitId}`, case: cases[0] ? `/cases/${cases[0].id}` : null, review: null as string | null };
  if (role !== "staff") {
    const { meetings } = await trpcGet<{ meetings: { id: number }[] }>(request, "review.list", { unitId });
    out.review = meetings[0] ? `/review/${meetings[0].id}` : null;
  }
  return out;
}

/**
 * The pages each role opens. Admin, leader and reviewer sit at the same root unit, so pages that
 * read the same whatever the role (dashboards, unit page, completeness, minutes) are scanned once,
 * as admin; leader and reviewer scan the pages whose controls depend on the role.
 */
function pagesFor(role: Role, s: Awaited<ReturnType<typeof seededPages>>): string[] {
  const own = ["/", "/report", "/meetings", "/cases", ...(s.case ? [s.case] : [])];
  const review = s.review ? [s.review, `${s.review}/present`] : [];
  switch (role) {
    case "admin":
      return [
        ...own,
        ...["/dashboard", "/dashboard/quadrant", "/dashboard/meetings", "/cases/dashboard", s.unit, "/completeness"],
        ...["/inspections", "/review", "/review/new", ...review, ...(s.review ? [`${s.review}/minutes`] : [])],
        ...["/admin/units", "/admin/users", "/admin/catalogue", "/admin/settings", "/admin/audit"],
      ];
    case "leader":
      return [...own, "/inspections", "/review", "/review/new", ...review]; // leaders chair review meetings too
    case "reviewer":
      return [...own, "/inspections", "/review", "/review/new", ...review];
    case "staff":
      return [...own, "/dashboard", "/dashboard/quadrant", "/dashboard/meetings", "/cases/dashboard", s.unit];
  }
}

/** Dialogs scanned on a page, by the role that may open them. */
const dialogs: Partial<Record<Role, Record<string, string[]>>> = {
  admin: { "/admin/units": ["添加下级"], "/admin/users": ["新增用户"] },
  reviewer: { "/cases": ["立案问责"], "/inspections": ["登记检查"] },
};

const report = (findings: Finding[]) =>
  findings.map((f) => `${f.page}: [${f.impact}] ${f.id} — ${f.help}\n    ${f.targets.slice(0, 10).join("\n    ")}`).join("\n");

test.describe("accessibility: axe finds no serious or critical WCAG 2.1 AA violation", () => {
  test("on the sign-in page", async ({ page }) => {
    const findings: Finding[] = [];
    await page.goto("/login");
    await settle(page);
    await expect(page.locator("h1")).toBeVisible();
    await scan(page, "/login", findings);
    expect(findings, report(findings)).toEqual([]);
  });

  for (const role of ["admin", "leader", "reviewer", "staff"] as const) {
    test(`on every page ${role} can open`, async ({ page }) => {
      test.setTimeout(role === "admin" ? 180_000 : 90_000); // admin scans 22 pages and 2 dialogs
      const findings: Finding[] = [];
      await loginAs(page, role);
      const seeded = await seededPages(page.request, role);
      if (role !== "staff") {
        expect(seeded.case, "the seed holds a case").not.toBeNull();
        expect(seeded.review, "the seed holds a review meeting").not.toBeNull();
      }
      for (const path of pagesFor(role, seeded)) {
        await test.step(path, async () => {
          await visit(page, path, findings);
          for (const button of dialogs[role]?.[path] ?? []) await scanDialog(page, path, button, findings);
        });
      }
      expect(findings, report(findings)).toEqual([]);
    });
  }
});
