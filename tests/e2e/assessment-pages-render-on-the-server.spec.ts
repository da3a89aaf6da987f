import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";
import { holdServerRender, recordTrpcCalls } from "./fixtures/server-render";

// The annual-assessment pages are rendered from server data (issue 16: no React Query or tRPC
// client in their first load). Moving the simulator's weight renders the page again on the server:
// the slider follows at once, the shown simulation stays, dimmed and aria-busy, until the new one
// arrives, and the browser makes no tRPC call. A unit out of reach shows the procedure's message.

test("moving the simulator's weight renders it on the server; the old simulation stays, dimmed, until the new one arrives", async ({
  page,
}) => {
  await loginAs(page, "leader");
  const trpcCalls = recordTrpcCalls(page);
  await page.goto("/assessment/simulator");
  const adopted = page.getByTestId("simulator-adopted");
  await expect(adopted).toContainText(/当前采用 \d+%/);
  const now = Number((await adopted.textContent())!.match(/(\d+)%/)![1]);
  const at = now >= 95 ? now - 5 : now + 5;
  const summary = page.getByTestId("simulator-summary");
  await expect(summary).toContainText(`所选权重与当前采用的权重相同（${now}%）`);

  const release = await holdServerRender(page, "/assessment/simulator");
  const slider = page.getByRole("slider", { name: "模拟党建权重" });
  await slider.focus();
  await slider.press(at > now ? "ArrowRight" : "ArrowLeft");
  await expect(page.getByTestId("simulator-weight")).toHaveText(`${at}%`);
  await expect(page).toHaveURL(new RegExp(`[?&]w=${at}`));
  const busy = page.locator('[aria-busy="true"]').filter({ has: page.getByTestId("simulator-slope-card") });
  await expect(busy).toBeVisible();
  await expect(summary).toContainText(`所选权重与当前采用的权重相同（${now}%）`); // the shown simulation, until the new one arrives
  release();
  await expect(summary).toContainText(at > now ? `权重从${now}%提高到${at}%` : `权重从${now}%降低到${at}%`);
  await expect(busy).toHaveCount(0);
  expect(trpcCalls, "the simulator queries nothing from the browser").toEqual([]);
});

test("the grades, duty reports, dashboard and a unit's year arrive with the page; a unit out of reach shows the procedure's message", async ({
  page,
}) => {
  await loginAs(page, "leader");
  const trpcCalls = recordTrpcCalls(page);
  await page.goto("/assessment");
  await expect(page.getByRole("heading", { name: "等次评定" })).toBeVisible();
  await expect(page.getByTestId("cycle-status")).toBeVisible();
  await page.goto("/assessment/duty");
  await expect(page.getByTestId("duty-report-list")).toBeVisible();
  const open = page.getByTestId("duty-report-row").first().getByRole("link", { name: "查看" });
  await open.click();
  await expect(page).toHaveURL(/\/assessment\/units\/\d+/);
  await expect(page.getByTestId("unit-duty-report")).toBeVisible();
  await expect(page.getByTestId("appraisal-card")).toBeVisible();
  await page.goto("/assessment/dashboard");
  await expect(page.getByTestId("assessment-dashboard-filters")).toBeVisible();
  expect(trpcCalls, "these pages query nothing from the browser").toEqual([]);

  await page.goto("/assessment/units/987654321");
  await expect(page.locator("main").getByRole("alert")).toHaveText("单位不存在");
});
