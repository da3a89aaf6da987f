import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";
import { holdServerRender, recordTrpcCalls } from "./fixtures/server-render";
import { trpcQuery } from "./fixtures/trpc";

// The case list, a case, the inspections and 问责统计 are rendered from server data (issue 16: no
// React Query or tRPC client in their first load). A filter change renders the page again on the
// server (the old rows stay, dimmed and aria-busy, until it arrives); a save calls the API, then
// the page reads itself again.

type Listed = { id: number; unitId: number; status: string };

async function rootId(page: import("@playwright/test").Page): Promise<number> {
  return (await trpcQuery<{ id: number }[]>(page, "unit.tree", undefined))[0]!.id;
}

test("the case list filters on the server; the back button returns to the unfiltered list", async ({ page }) => {
  await loginAs(page, "reviewer");
  const calls = recordTrpcCalls(page);
  await page.goto("/cases");
  const rows = page.getByTestId("cases-table").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  const all = await rows.count();

  const release = await holdServerRender(page, "/cases");
  await page.getByRole("combobox", { name: "状态", exact: true }).selectOption("closed");
  const busy = page.locator('[aria-busy="true"]').filter({ has: page.getByTestId("cases-table") });
  await expect(busy).toHaveClass(/opacity-60/);
  await expect(rows).toHaveCount(all); // the old rows, until the new render arrives
  release();
  await expect(page).toHaveURL(/status=closed/);
  await expect(busy).toHaveCount(0);
  await expect(rows.first()).toBeVisible();
  for (const badge of await rows.locator("td:nth-child(6)").allTextContents()) expect(badge).toBe("整改销号");

  await page.goBack();
  await expect(page).not.toHaveURL(/status=/);
  await expect(rows).toHaveCount(all);
  expect(calls, "the case list queries nothing from the browser").toEqual([]);
});

test("a case renders on the server; a move saves through the API and the page reads itself again", async ({ page }) => {
  await loginAs(page, "reviewer");
  const { cases } = await trpcQuery<{ cases: Listed[] }>(page, "case.list", { unitId: await rootId(page) });
  const open = cases.find((c) => c.status === "opened");
  expect(open, "the seed has a case just opened").toBeTruthy();

  const calls = recordTrpcCalls(page);
  await page.goto(`/cases/${open!.id}`);
  await expect(page.getByRole("heading", { name: `问责案件 #${open!.id}` })).toBeVisible();
  const timeline = page.getByTestId("case-timeline").locator("li");
  const events = await timeline.count();
  expect(calls, "the case page queries nothing from the browser").toEqual([]);

  await page.getByLabel("办理意见（2–500 字）").fill("转入调查核实（端到端测试）。");
  await page.getByRole("button", { name: "转为“调查核实”" }).click();
  await expect(page.getByRole("status").filter({ hasText: "案件已转为“调查核实”" })).toBeVisible();
  // The refreshed page: the new event in the timeline, the status badge, the next move offered.
  await expect(timeline).toHaveCount(events + 1);
  await expect(timeline.last()).toContainText("转入调查核实（端到端测试）。");
  await expect(page.getByRole("button", { name: "转为“作出问责决定”" })).toBeVisible();
  await expect(page.getByLabel("办理意见（2–500 字）")).toHaveValue("");
  expect(
    calls.filter((u) => !u.includes("case.transition")),
    "only the save went to the API",
  ).toEqual([]);
});

test("staff asking for a case out of their reach see the procedure's message", async ({ page }) => {
  await loginAs(page, "reviewer");
  const { cases } = await trpcQuery<{ cases: Listed[] }>(page, "case.list", { unitId: await rootId(page) });
  await page.context().clearCookies();
  await loginAs(page, "staff");
  await page.goto("/");
  // The API answers in the caller's language, as the page does.
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: page.url() }]);
  const own = await rootId(page); // staff see their own unit only
  const other = cases.find((c) => c.unitId !== own)!;
  const res = await page.request.get(`/api/trpc/case.get?input=${encodeURIComponent(JSON.stringify({ json: { id: other.id } }))}`);
  expect(res.ok()).toBe(false);
  const message = ((await res.json()) as { error: { json: { message: string } } }).error.json.message;

  await page.goto(`/cases/${other.id}`);
  await expect(page.getByRole("alert").filter({ hasText: message })).toHaveText(`出错了：${message}`);
  await expect(page.getByTestId("case-timeline")).toHaveCount(0);
});

test("the inspections and 问责统计 filter on the server", async ({ page }) => {
  await loginAs(page, "leader");
  const calls = recordTrpcCalls(page);
  await page.goto("/inspections");
  await expect(page.getByRole("heading", { name: "一岗双责检查" })).toBeVisible();
  const release = await holdServerRender(page, "/inspections");
  await page.getByRole("combobox", { name: "检查结果", exact: true }).selectOption("fail");
  await expect(page.locator('[aria-busy="true"]')).toHaveClass(/opacity-60/);
  release();
  await expect(page).toHaveURL(/result=fail/);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  for (const result of await page.getByTestId("inspections-table").locator("tbody tr td:nth-child(4)").allTextContents()) {
    expect(result).toBe("不合格");
  }

  await page.goto("/cases/dashboard");
  const total = page.getByTestId("figure-total");
  const before = await total.textContent();
  const held = await holdServerRender(page, "/cases/dashboard");
  const category = page.getByTestId("case-dashboard-filters").getByLabel("问题类别");
  await category.selectOption("inner_life");
  await expect(category).toHaveValue("inner_life"); // the choice shows at once; the URL follows with the new render
  await expect(page.locator('[aria-busy="true"]').filter({ has: total })).toBeVisible();
  await expect(total).toHaveText(before!); // the old figures, until the new render arrives
  held();
  await expect(page).toHaveURL(/cat=inner_life/);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await page.goBack();
  await expect(page).not.toHaveURL(/cat=/);
  await expect(total).toHaveText(before!);
  expect(calls, "neither page queries from the browser").toEqual([]);
});
