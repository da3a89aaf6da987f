import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";

const shots = "/tmp/shots-grades";

/** The admin readies the current year for rating on the cycle page: the duty-report veto off (reports are not due yet), then 评定等次. Idempotent. */
async function readyForRating(page: Page) {
  await loginAs(page, "admin");
  await page.goto("/assessment/cycle");
  const stepper = page.getByTestId("cycle-stepper");
  await expect(stepper).toBeVisible();
  const current = await stepper.locator('[aria-current="step"]').innerText();
  if (!current.includes("开展述职")) return;
  const veto = page.getByRole("checkbox", { name: "未交述职报告" });
  if (await veto.isChecked()) {
    await veto.uncheck();
    await page.getByRole("button", { name: "保存设置" }).click();
    await expect(page.getByRole("status").filter({ hasText: "年度考核设置" })).toBeVisible();
  }
  await page.getByRole("button", { name: "进入“评定等次”阶段" }).click();
  const confirm = page.getByRole("dialog", { name: "进入“评定等次”阶段" });
  await confirm.getByRole("button", { name: "确认" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已进入“评定等次”阶段" })).toBeVisible();
  await expect(stepper.locator('[aria-current="step"]')).toContainText("评定等次");
}

test("the leader reads a breakdown, sets a final grade with a reason, and is held to the 好 quota; staff only read", async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await readyForRating(page);
  await context.clearCookies();

  // The leader starts from the to-do: the year being rated, with the units still to grade, and a way in.
  await loginAs(page, "leader");
  await page.goto("/");
  const todo = page.getByTestId("todo-grade-units");
  await expect(todo).toContainText(/评定\d{4}年度等次/);
  await expect(todo).toContainText(/\d+ 个单位尚未确定最终等次/);
  await todo.getByRole("link", { name: "去评定" }).click();
  await expect(page).toHaveURL(/\/assessment\?year=\d{4}/);
  await expect(page.getByRole("heading", { name: "等次评定" })).toBeVisible();
  await expect(page.getByTestId("cycle-status")).toContainText("评定阶段");
  const quota = page.getByTestId("quota-bar");
  await expect(quota).toContainText("全部参评单位");
  const table = page.getByTestId("grades-table");
  await expect(table).toBeVisible();

  // A breakdown: the four quarters, the parts with their weights, the rank against the quota.
  const first = table.locator("tbody tr").first();
  await first.getByRole("button", { name: "明细" }).click();
  const breakdown = page.getByTestId("grade-breakdown");
  await expect(breakdown).toContainText("季度综合得分");
  await expect(breakdown).toContainText("民主测评");
  await expect(breakdown).toContainText("实际权重");
  await expect(breakdown.getByTestId("quota-position")).toContainText("全部参评单位中排第 1 名");
  await page.screenshot({ path: `${shots}/grades-zh.png`, fullPage: true });

  // A final grade other than the computed one: refused without a reason, saved with one.
  const lowest = table.locator("tbody tr").last();
  const unitName = (await lowest.locator("td").nth(1).innerText()).trim();
  const computed = (await lowest.locator("td").nth(4).innerText()).trim();
  const target = computed.startsWith("差") ? "average" : "poor";
  await lowest.getByRole("button", { name: "定等次" }).click();
  let dialog = page.getByRole("dialog", { name: "确定最终等次" });
  await dialog.getByLabel("最终等次").selectOption(target);
  await dialog.getByLabel("调整理由").fill("");
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(dialog.locator("#final-reason-error")).toContainText("请填写调整理由");
  await dialog.getByLabel("调整理由").fill("述职评议会意见：整改事项未完成（端到端测试）");
  await page.screenshot({ path: `${shots}/final-grade-dialog-zh.png` });
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status").filter({ hasText: `已将 ${unitName} 的最终等次定为` })).toBeVisible();
  await expect(table.locator("tbody tr", { hasText: unitName })).toContainText("述职评议会意见");

  // 好 for units without a veto until the department-wide quota refuses, naming the quota and the count.
  let refused = false;
  for (let i = 0; i < 40 && !refused; i++) {
    const candidate = table
      .locator("tbody tr")
      .filter({ has: page.getByRole("button", { name: "定等次" }) })
      .filter({ hasNot: page.locator("span.border-red-300") })
      .filter({ hasNotText: "好" })
      .first();
    if ((await candidate.count()) === 0) break;
    await candidate.getByRole("button", { name: "定等次" }).click();
    dialog = page.getByRole("dialog", { name: "确定最终等次" });
    await dialog.getByLabel("最终等次").selectOption("good");
    await dialog.getByLabel("调整理由").fill("评议会推荐为好（端到端测试）");
    await dialog.getByRole("button", { name: "保存" }).click();
    const error = dialog.locator("#final-grade-error");
    // Either the dialog closes (saved) or the grade field shows the server's refusal.
    await expect(async () => expect((await error.isVisible()) || !(await dialog.isVisible())).toBe(true)).toPass();
    if (await error.isVisible()) {
      await expect(error).toContainText(/“好”等次名额已满：\d+ 个参评单位最多 \d+ 个“好”，已有 \d+ 个/);
      await page.screenshot({ path: `${shots}/quota-refused-zh.png` });
      await dialog.getByRole("button", { name: "取消" }).click();
      refused = true;
    }
  }
  expect(refused).toBe(true);
  await expect(quota).not.toContainText("超出名额");

  // Staff: their own unit's grade and breakdown, no controls.
  await context.clearCookies();
  await loginAs(page, "staff");
  await page.goto("/assessment");
  await expect(page.getByText("本单位的等次及计算明细（只读）")).toBeVisible();
  await expect(page.getByTestId("grades-table").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByTestId("grade-breakdown")).toBeVisible();
  // Before 公示 the unit sees its score as 预评（未公示）: the level above's grade and reason are not shown yet.
  await expect(page.getByTestId("grade-preliminary")).toHaveText("预评（未公示）");
  await expect(page.getByTestId("breakdown-preliminary")).toBeVisible();
  await expect(page.getByTestId("grades-table").locator("tbody tr").first()).toContainText("公示后可见");
  await expect(page.getByRole("button", { name: "定等次" })).toHaveCount(0);
  await page.screenshot({ path: `${shots}/staff-zh.png`, fullPage: true });
});
