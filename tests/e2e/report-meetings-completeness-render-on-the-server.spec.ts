import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";
import { recordTrpcCalls } from "./fixtures/server-render";
import { reportingQuarter } from "./fixtures/quarters";
import { buildDemoTree } from "~/scripts/seed/demo-tree";

// 季度报表, 会议记录 and 填报完成情况 are rendered from server data (issue 16: no React Query or
// tRPC client in their first load). Opening them asks the API nothing from the browser; a unit
// out of reach shows the procedure's message where the page's cards would be.

const tree = buildDemoTree();

test("the report, meetings and completeness pages open without a tRPC call from the browser", async ({ page }) => {
  await loginAs(page, "staff");
  const calls = recordTrpcCalls(page);
  await page.goto(`/report?quarter=${reportingQuarter}`);
  await expect(page.getByRole("heading", { name: "季度报表" })).toBeVisible();
  await expect(page.getByTestId("spreadsheet-panel")).toBeVisible();
  await page.goto(`/meetings?quarter=${reportingQuarter}`);
  await expect(page.getByTestId("completion")).toBeVisible();
  await expect(page.getByTestId("flags-panel")).toBeVisible();
  expect(calls, "the pages query nothing from the browser").toEqual([]);

  await loginAs(page, "leader");
  await page.goto(`/completeness?quarter=${reportingQuarter}`);
  await expect(page.getByTestId("completeness-summary")).toBeVisible();
  expect(calls, "completeness queries nothing from the browser").toEqual([]);
});

test("staff asking for a unit out of their reach see the procedure's message in place of the cards", async ({ page }) => {
  await loginAs(page, "staff");
  const root = tree[0]!.id;
  await page.goto(`/report?unit=${root}`);
  await expect(page.getByRole("alert").filter({ hasText: "出错了：" })).toBeVisible();
  await expect(page.getByTestId("spreadsheet-panel")).toHaveCount(0);
  await page.goto(`/meetings?unit=${root}`);
  await expect(page.getByRole("alert").filter({ hasText: "出错了：" })).toBeVisible();
  await expect(page.getByTestId("completion")).toHaveCount(0);
  await page.goto(`/completeness?unit=${root}`);
  await expect(page.getByRole("alert").filter({ hasText: "出错了：" })).toBeVisible();
  await expect(page.getByTestId("completeness-summary")).toHaveCount(0);
});
