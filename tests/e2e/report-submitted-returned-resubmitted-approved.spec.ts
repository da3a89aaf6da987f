import { type Browser } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";
import { runningQuarter } from "./fixtures/quarters";

const STAFF_UNIT = "市财政局预算科党支部";

async function as(browser: Browser, user: "staff" | "reviewer") {
  const page = await (await browser.newContext()).newPage();
  await loginAs(page, user);
  return page;
}

test("staff submits, reviewer returns with a reason, staff fixes and resubmits, reviewer approves, completeness shows it", async ({
  browser,
}) => {
  // Three people and two confirmations: more steps than the default 30 s allows on a loaded machine.
  test.setTimeout(60_000);
  const staff = await as(browser, "staff");
  await staff.goto(`/report?quarter=${runningQuarter}`);
  await expect(staff.getByRole("combobox", { name: "报告季度" })).toHaveValue(runningQuarter);
  await staff.locator("#businessScore").fill("88");
  for (const input of await staff.locator("input[id^='value-']").all()) await input.fill("2");
  for (const select of await staff.locator("select[id^='value-']").all()) await select.selectOption("1");
  await staff.getByRole("button", { name: "提交审核" }).click();
  // Handing in is confirmed first; cancelling changes nothing.
  const ask = staff.getByRole("dialog", { name: "提交审核" });
  await expect(ask).toContainText("提交后报表交上级审核，审核期间不能修改");
  await ask.getByRole("button", { name: "取消" }).click();
  await expect(staff.locator("#value-V1_attendance_rate")).toBeEnabled();
  await staff.getByRole("button", { name: "提交审核" }).click();
  await ask.getByRole("button", { name: "确认提交" }).click();
  await expect(staff.getByRole("status").filter({ hasText: "已提交" })).toBeVisible();
  await expect(staff.getByText("已提交", { exact: true })).toBeVisible();
  await expect(staff.locator("#value-V1_attendance_rate")).toBeDisabled();

  // The reviewer finds it on their to-do list and returns it.
  const reviewer = await as(browser, "reviewer");
  await reviewer.goto("/");
  const row = reviewer.getByTestId("todo-review").getByRole("row").filter({ hasText: STAFF_UNIT });
  await row.getByRole("link", { name: "审核" }).click();
  await expect(reviewer.getByRole("heading", { name: "审核", exact: true })).toBeVisible();
  await reviewer.getByRole("button", { name: "退回修改" }).click();
  await expect(reviewer.locator("#error-reason")).toContainText("请填写原因");
  await reviewer.getByLabel("退回原因（退回时必填）").fill("党员出勤率与会议记录不符，请核实后重报");
  await reviewer.getByRole("button", { name: "退回修改" }).click();
  await expect(reviewer.getByText("已退回", { exact: true })).toBeVisible();
  await reviewer.screenshot({ path: "test-results/screens/reviewer-returned.png", fullPage: false });

  // Staff sees the reason, corrects, resubmits.
  await staff.goto("/");
  await expect(staff.getByTestId("todo-returned")).toContainText("党员出勤率与会议记录不符");
  await staff.goto(`/report?quarter=${runningQuarter}`);
  await expect(staff.getByRole("note")).toContainText("退回原因：党员出勤率与会议记录不符，请核实后重报");
  await staff.locator("#value-V1_attendance_rate").fill("92");
  await staff.getByRole("button", { name: "提交审核" }).click();
  await staff.getByRole("dialog", { name: "提交审核" }).getByRole("button", { name: "确认提交" }).click();
  await expect(staff.getByText("已提交", { exact: true })).toBeVisible();

  // The reviewer approves (confirmed), then lands on the next waiting report; completeness counts it.
  await reviewer.reload();
  await reviewer.getByRole("button", { name: "审核通过" }).click();
  await reviewer.getByRole("dialog", { name: "审核通过" }).getByRole("button", { name: "确认通过" }).click();
  await expect(reviewer.getByText("上一份报表已审核通过").or(reviewer.getByTestId("review-queue-empty"))).toBeVisible();
  await reviewer.goto(`/completeness?quarter=${runningQuarter}`);
  const unitRow = reviewer.locator(`tr[data-unit="${STAFF_UNIT}"]`);
  await expect(unitRow).toContainText("已审核");
  await expect(reviewer.locator('[data-tile="approved"]')).toContainText("1");
  await reviewer.screenshot({ path: "test-results/screens/completeness.png", fullPage: true });

  await staff.reload();
  await expect(staff.getByText("已审核", { exact: true })).toBeVisible();
  await expect(staff.locator("#value-V1_attendance_rate")).toBeDisabled();
  await expect(staff.locator("#value-V1_attendance_rate")).toHaveValue("92");
});
