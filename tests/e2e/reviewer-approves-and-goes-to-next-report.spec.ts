import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";

test("reviewer approves after confirming and lands on the next waiting report", async ({ page }) => {
  await loginAs(page, "reviewer");
  await page.goto("/");
  // What waits for a reviewer: reports, open cases, overdue rectifications — each linking to where they act.
  await expect(page.getByTestId("todo-review")).toBeVisible();
  await expect(page.getByTestId("todo-cases")).toContainText("待处理的问责案件");
  const waiting = page
    .getByTestId("todo-review")
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: "审核" }) });
  const total = await waiting.count();
  expect(total).toBeGreaterThanOrEqual(2);
  const firstUnit = (await waiting.first().locator("td").first().textContent())!.trim();
  await waiting.first().getByRole("link", { name: "审核" }).click();
  await expect(page.getByRole("heading", { name: "审核", exact: true })).toBeVisible();

  // Approving asks first; cancelling leaves it waiting.
  await page.getByRole("button", { name: "审核通过" }).click();
  const ask = page.getByRole("dialog", { name: "审核通过" });
  await expect(ask).toContainText(`确认审核通过“${firstUnit}”`);
  await page.screenshot({ path: "test-results/screens/reviewer-approve-confirm.png" });
  await ask.getByRole("button", { name: "取消" }).click();
  await expect(page.getByRole("button", { name: "审核通过" })).toBeVisible();

  await page.getByRole("button", { name: "审核通过" }).click();
  await ask.getByRole("button", { name: "确认通过" }).click();
  // 下一份待审: another unit's submitted report, ready to review.
  await expect(page).toHaveURL(/after=approved/);
  await expect(page.getByText("上一份报表已审核通过。这是下一份待审报表。")).toBeVisible();
  await expect(page.getByRole("button", { name: "审核通过" })).toBeVisible();
  await expect(page.getByText("已提交", { exact: true })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/reviewer-next-report.png" });

  // The to-do has one fewer waiting.
  await page.goto("/");
  await expect(
    page
      .getByTestId("todo-review")
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: "审核" }) }),
  ).toHaveCount(Math.min(total - 1, 50));
});

test("leader's to-do shows overdue rectifications, flags and review meetings, not cases to move", async ({ page }) => {
  await loginAs(page, "leader");
  await page.goto("/");
  await expect(page.getByTestId("todo-completeness")).toBeVisible();
  await expect(page.getByTestId("todo-cases")).toHaveCount(0);
  const any = page
    .getByTestId("todo-overdue-rectifications")
    .or(page.getByTestId("todo-flags"))
    .or(page.getByTestId("todo-review-meetings"));
  await expect(any.first()).toBeVisible();
  await page.screenshot({ path: "test-results/screens/leader-todo.png", fullPage: true });
});
