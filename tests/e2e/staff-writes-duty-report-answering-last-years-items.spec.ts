import { type Browser, type Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";

/**
 * Issue 15: the unit's staff write this year's duty report (述职报告) from the to-do — first
 * answering last year's comment items one by one — are told what is missing when they submit
 * too early, submit, find it submitted after leaving; the reviewer returns it with a reason; the
 * staff read the reason and resubmit. Re-runnable: a report left submitted by an earlier run is
 * returned first, through the reviewer's list.
 */
const STAFF_UNIT = "市财政局预算科党支部";
const REASON = "党费整改未写明完成时限，请补充";

async function as(browser: Browser, user: "staff" | "reviewer") {
  const page = await (await browser.newContext()).newPage();
  await loginAs(page, user);
  return page;
}

const reportRow = (page: Page) => page.getByTestId("duty-report-row").filter({ hasText: STAFF_UNIT });

async function returnReport(reviewer: Page, reason: string) {
  await reviewer.goto("/assessment/duty");
  const row = reportRow(reviewer);
  await row.getByRole("button", { name: "退回" }).click();
  const dialog = reviewer.getByRole("dialog", { name: "退回述职报告" });
  await dialog.getByLabel("退回原因（单位将看到）").fill(reason);
  await dialog.getByRole("button", { name: "退回" }).click();
  await expect(row.getByText("已退回", { exact: true })).toBeVisible();
}

async function submit(staff: Page) {
  await staff.getByRole("button", { name: "提交", exact: true }).click();
  await staff.getByRole("dialog", { name: "提交述职报告" }).getByRole("button", { name: "确认提交" }).click();
}

const body = Array.from(
  { length: 6 },
  (_, i) =>
    `第${i + 1}部分：本年度支部书记认真履行抓党建第一责任人职责，围绕预算编制和执行中的党建任务召开专题会议${i + 2}次，` +
    `针对去年点评指出的问题逐项制定措施，党员参与率逐季提升，形成了可检查的工作台账。`,
).join("\n");

test("staff answer last year's items, are told what is missing, submit; the reviewer returns it; staff resubmit", async ({ browser }) => {
  test.setTimeout(90_000);
  const reviewer = await as(browser, "reviewer");
  // An earlier run may have left the report submitted: give it back first, as a reviewer would.
  await reviewer.goto("/assessment/duty");
  if (await reportRow(reviewer).getByText("已提交", { exact: true }).isVisible()) await returnReport(reviewer, "重新填写");

  // From the to-do to the editor.
  const staff = await as(browser, "staff");
  await staff.goto("/");
  const todo = staff.getByTestId("todo-duty-report");
  await expect(todo).toContainText(/撰写 \d{4} 年度述职报告/);
  await todo.getByRole("link", { name: "去撰写" }).click();
  await expect(staff).toHaveURL(/\/assessment\/duty/);
  await expect(staff.getByRole("heading", { name: new RegExp(`${STAFF_UNIT} \\d{4} 年度述职报告`) })).toBeVisible();

  const items = staff.getByTestId("duty-item");
  await expect(items).toHaveCount(3);
  const answer = async (n: number, choice: "已完成" | "未完成", evidence: string) => {
    await items.nth(n).getByLabel(choice, { exact: true }).check();
    await items.nth(n).getByLabel("佐证材料 / 情况说明").fill(evidence);
  };
  await answer(0, "已完成", "已印发党建与业务融合项目清单，按季度报送推进情况");
  await answer(1, "已完成", "党员发展和教育管理台账已建立，全程留痕");

  // Submitting with the third item unanswered names it (on a first run; a rerun finds it answered).
  if (!(await items.nth(2).getByLabel("未完成", { exact: true }).isChecked())) {
    await staff.locator("#duty-text").fill("草稿");
    await submit(staff);
    const errors = staff.getByTestId("form-errors");
    await expect(errors).toContainText("上年整改事项第 3 项（共 1 项）尚未作答");
    await expect(errors).toContainText("述职报告正文至少 200 字");
  }
  await answer(2, "未完成", "会前征求意见已落实，会上批评与自我批评仍需加强，计划下季度完成");
  await staff.locator("#duty-text").fill(body);
  await staff.getByRole("button", { name: "保存", exact: true }).click();
  await expect(staff.getByTestId("duty-save-state")).toContainText("已保存");
  await submit(staff);
  await expect(staff.getByTestId("duty-report-status").getByText("已提交", { exact: true })).toBeVisible();

  // Leaving and coming back: it is submitted, read-only, with the answers.
  await staff.goto("/");
  await expect(staff.getByTestId("todo-duty-report")).toHaveCount(0);
  await staff.goto("/assessment/duty");
  await expect(staff.getByTestId("duty-report-status").getByText("已提交", { exact: true })).toBeVisible();
  await expect(staff.locator("#duty-text")).toHaveCount(0);
  await expect(staff.getByTestId("duty-report-text")).toContainText("第1部分：本年度支部书记认真履行");
  await expect(staff.getByText("会前征求意见已落实，会上批评与自我批评仍需加强")).toBeVisible();

  // The reviewer returns it with a reason.
  await returnReport(reviewer, REASON);

  // The staff see the reason on the to-do and in the editor, change the body and resubmit.
  await staff.goto("/");
  await expect(staff.getByTestId("todo-duty-report")).toContainText(`已退回：${REASON}`);
  await staff.getByTestId("todo-duty-report").getByRole("link", { name: "去撰写" }).click();
  await expect(staff.getByTestId("duty-report-return-reason")).toContainText(REASON);
  await staff.locator("#duty-text").fill(`${body}\n党费整改将于六月底前完成，届时报送台账。`);
  await submit(staff);
  await expect(staff.getByTestId("duty-report-status").getByText("已提交", { exact: true })).toBeVisible();
  await reviewer.goto("/assessment/duty");
  await expect(reportRow(reviewer).getByText("已提交", { exact: true })).toBeVisible();
});
