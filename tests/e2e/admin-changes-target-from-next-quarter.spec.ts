import { expect, test } from "./fixtures/test";
import { formatQuarter, quarterOf } from "~/lib/quarter";
import { loginAs } from "./fixtures/auth";

// The demo seed approves reports up to the last finished quarter, so the first quarter whose
// rules may still change (the form's default) is the running one.
const running = quarterOf(new Date());

test("admin changes a target from the default quarter, sees it in the history and in the audit log", async ({ page }) => {
  await loginAs(page, "admin");
  await page.goto("/admin/catalogue");
  await expect(page.getByRole("heading", { name: "指标体系", level: 1 })).toBeVisible();
  await expect(page.getByTestId("open-from")).toContainText(`自${formatQuarter(running, "zh-CN")}起修改`);
  const row = page.locator('tr[data-indicator="L1_topic_meetings"]');
  await expect(row.getByTestId("current-target")).toHaveText("1");

  await row.getByRole("button", { name: "改规则" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByLabel("自哪个季度起生效")).toHaveValue(running);
  await dialog.getByLabel("目标").fill("3");
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
  await expect(row.getByTestId("current-target")).toHaveText("3");

  await row.getByRole("button", { name: /版本历史/ }).click();
  const history = page.getByTestId("history-L1_topic_meetings").locator("tbody tr");
  await expect(history).toHaveCount(2);
  await expect(history.nth(0)).toContainText(formatQuarter(running, "zh-CN"));
  await expect(history.nth(0).locator("td").nth(3)).toHaveText("3");
  await expect(history.nth(0)).toContainText("张志远");
  await expect(history.nth(1)).toContainText("初始");
  await expect(history.nth(1)).toContainText("已锁定");
  await page.screenshot({ path: "test-results/screens/admin-catalogue.png", fullPage: true });

  await page.goto("/admin/audit");
  await page.getByLabel("操作类别").selectOption({ label: "指标体系" });
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/action=catalogue\./);
  const entries = page.getByTestId("audit-table").locator("tbody tr[data-action]");
  await expect(entries).toHaveCount(1);
  const entry = entries.first();
  // Read in words (issue 12, defect 11): who, what, which indicator — no codes.
  await expect(entry).toContainText("张志远 修改了指标“党组织专题研究党建工作次数”的规则");
  await expect(entry).not.toContainText("L1_topic_meetings");
  await entry.getByRole("button", { name: "查看" }).click();
  const changed = page.locator('[data-testid^="diff-"] tr[data-changed]');
  await expect(changed).toHaveCount(2);
  await expect(changed.filter({ hasText: "目标" })).toContainText(/1\s*3/);
  await expect(changed.filter({ hasText: "起始季度" })).toContainText(formatQuarter(running, "zh-CN"));
  await page.screenshot({ path: "test-results/screens/admin-audit.png", fullPage: true });
});

test("admin sees the seven meeting frequency rules, and a bad number is refused on its field", async ({ page }) => {
  await loginAs(page, "admin");
  await page.goto("/admin/settings");
  await expect(page.getByRole("heading", { name: "系统设置", level: 1 })).toBeVisible();
  const rows = page.getByTestId("meeting-frequencies").locator("tbody tr");
  await expect(rows).toHaveCount(7);
  for (const name of ["支部党员大会", "支部委员会会议", "党小组会", "党课", "组织生活会", "民主生活会", "民主评议党员"]) {
    await expect(page.getByTestId("meeting-frequencies").getByRole("rowheader", { name, exact: true })).toBeVisible();
  }
  await expect(page.locator("#deadline-days")).toHaveValue("15");
  await expect(page.getByTestId("deadline-example")).toContainText("24 时前提交");

  // Nothing is saved here (other specs share this server): a refused value only.
  await page.locator("#min-committee").fill("-1");
  await page.getByTestId("meeting-frequencies").locator("xpath=ancestor::form").getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.locator("#error-committee-min")).toBeVisible();
  await expect(page.getByText(/处填写有误，未保存/)).toBeVisible();
  await page.screenshot({ path: "test-results/screens/admin-settings.png", fullPage: true });
});

test("a leader is told the admin pages are for administrators, and the server refuses the calls", async ({ page }) => {
  await loginAs(page, "leader");
  for (const path of ["/admin/catalogue", "/admin/settings", "/admin/audit"]) {
    await page.goto(path);
    await expect(page.getByText("仅组织部管理员可访问")).toBeVisible();
  }
  const res = await page.request.get(`/api/trpc/audit.search?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`);
  expect(res.status()).toBe(403);
});
