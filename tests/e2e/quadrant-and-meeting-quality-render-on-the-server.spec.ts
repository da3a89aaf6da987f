import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";
import { holdServerRender, recordTrpcCalls } from "./fixtures/server-render";
import { buildDemoTree } from "~/scripts/seed/demo-tree";

// 重业务轻党建 and 会议质量 are rendered from server data (issue 16: no React Query or tRPC client in
// their first load). A filter, the quadrant's level or the flags card's page renders the page again
// on the server: the browser makes no tRPC call, and the old data stays on screen, dimmed and
// aria-busy, until the new page arrives.

// Full pages of 25 flag rows on a loaded machine.
test.setTimeout(90_000);

const tree = buildDemoTree();
const bizFirst = tree.filter((u) => u.profile === "bizFirst");

test("the quadrant's level renders on the server; the old chart stays, dimmed, until the new one arrives", async ({ page }) => {
  await loginAs(page, "leader");
  const calls = recordTrpcCalls(page);
  await page.goto("/dashboard/quadrant");
  const dots = page.getByTestId("quadrant-chart").locator("[data-chart-dot]");
  const children = tree.filter((u) => u.parentId === tree[0]!.id).length;
  await expect(dots).toHaveCount(children);

  const release = await holdServerRender(page, "/dashboard/quadrant");
  await page.getByRole("button", { name: "全部单位（按本单位报表）" }).click();
  await expect(page).toHaveURL(/level=units/);
  await expect(page.getByRole("button", { name: "全部单位（按本单位报表）" })).toHaveAttribute("aria-pressed", "true");
  const busy = page.locator('[aria-busy="true"]').filter({ has: page.getByTestId("quadrant-chart-card") });
  await expect(busy).toBeVisible();
  await expect(busy).toHaveClass(/opacity-60/);
  await expect(dots).toHaveCount(children); // the next level's dots, until the new render arrives
  release();
  await expect(busy).toHaveCount(0);
  await expect.poll(() => dots.count()).toBeGreaterThan(bizFirst.length);
  for (const unit of bizFirst) await expect(page.getByTestId("quadrant-flagged").getByText(unit.name, { exact: true })).toBeVisible();

  // The back button is the previous render again.
  await page.goBack();
  await expect(page).not.toHaveURL(/level=/);
  await expect(dots).toHaveCount(children);
  expect(calls, "the quadrant queries nothing from the browser").toEqual([]);
});

test("the flags card's next page renders on the server; its table keeps the old rows, dimmed, meanwhile", async ({ page }) => {
  await loginAs(page, "leader");
  const calls = recordTrpcCalls(page);
  await page.goto("/dashboard/meetings?from=2020Q1&to=2029Q4");
  const card = page.getByTestId("meeting-flags");
  const pager = page.getByTestId("meeting-flags-pager");
  await expect(pager).toContainText("第 1–25 条");
  const firstRow = await card.locator("tbody tr").first().textContent();

  const release = await holdServerRender(page, "/dashboard/meetings");
  await pager.getByRole("button", { name: "下一页" }).click();
  await expect(page).toHaveURL(/fpage=2/);
  const busy = card.locator('[aria-busy="true"]');
  await expect(busy).toBeVisible();
  await expect(card.locator("tbody tr").first()).toHaveText(firstRow!); // the first page, until the second arrives
  // Only the table dims: the charts above are not waiting for anything.
  await expect(page.locator('[aria-busy="true"]').filter({ has: page.getByTestId("meeting-completion") })).toHaveCount(0);
  release();
  await expect(pager).toContainText("第 26–50 条");
  await expect(busy).toHaveCount(0);
  await expect(card.locator("tbody tr").first()).not.toHaveText(firstRow!);

  // A range change starts the flags again at their first page, in the same navigation.
  await page.getByTestId("meeting-quality-filters").getByLabel("起始季度").selectOption({ index: 1 });
  await expect(page).toHaveURL(/from=/);
  await expect(page).not.toHaveURL(/fpage=/);
  await expect(pager).toContainText("第 1–");
  expect(calls, "meeting quality queries nothing from the browser").toEqual([]);
});

test("staff asking for a unit out of their reach see the procedure's message in place of the cards", async ({ page }) => {
  await loginAs(page, "staff");
  await page.goto(`/dashboard/quadrant?unit=${tree[0]!.id}`);
  await expect(page.getByRole("alert").filter({ hasText: "无权" })).toHaveText("出错了：无权查看该单位的数据");
  await expect(page.getByTestId("quadrant-chart-card")).toHaveCount(0);
  await page.goto(`/dashboard/meetings?unit=${tree[0]!.id}`);
  await expect(page.getByRole("alert").filter({ hasText: "无权" })).toHaveText("出错了：无权查看该单位的数据");
  await expect(page.getByTestId("meeting-flags")).toHaveCount(0);
});

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("the quadrant's 重业务轻党建 list and cut-off are in the HTML", async ({ page }) => {
    await loginAs(page, "leader");
    await page.goto("/dashboard/quadrant?level=units");
    for (const unit of bizFirst) await expect(page.getByTestId("quadrant-flagged").getByText(unit.name, { exact: true })).toBeVisible();
    await expect(page.getByTestId("quadrant-cutoff")).toContainText("分界");
  });
});
