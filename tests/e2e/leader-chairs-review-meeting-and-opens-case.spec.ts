import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";

const counter = (page: import("@playwright/test").Page) => page.getByTestId("slide-counter");

test("a leader chairs a review meeting from the nav, records 立案问责, and the reviewer finds the case", async ({ page, browser }) => {
  await loginAs(page, "leader");
  await page.goto("/");
  await page.getByRole("navigation").getByRole("link", { name: "问责审议" }).click();
  await expect(page.getByRole("heading", { name: "问责审议" })).toBeVisible();
  // Leaders chair: nothing says they may only read.
  await expect(page.getByText("无权主持审议会")).toHaveCount(0);
  await page.getByRole("link", { name: "新建审议会" }).click();

  await expect(page.getByRole("heading", { name: "新建问责审议会" })).toBeVisible();
  const rows = page.getByTestId("agenda-table").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  const proposed = await rows.count();
  const title = `领导主持审议会 ${Date.now()}`;
  await page.getByLabel("会议名称").fill(title);
  await page.getByLabel("出席人员").fill("市委组织部 刘部长（主持）");
  await page.getByRole("button", { name: "创建审议会" }).click();
  await expect(page).toHaveURL(/\/review\/\d+$/);
  await expect(page.getByText("无权修改该单位的数据")).toHaveCount(0);
  await expect(page.getByText("筹备中")).toBeVisible();
  await expect(page.getByTestId("meeting-attendees")).toHaveText("市委组织部 刘部长（主持）");

  // Start: who attends is confirmed (pre-filled) and completed.
  await page.getByRole("button", { name: "开始审议" }).click();
  const startDialog = page.getByRole("dialog", { name: "开始审议" });
  await expect(startDialog.getByLabel("出席人员")).toHaveValue("市委组织部 刘部长（主持）");
  await startDialog.getByLabel("出席人员").fill("市委组织部 刘部长（主持）\n市纪委监委 陈主任\n问责专员 审核员");
  await startDialog.getByRole("button", { name: "开始审议" }).click();
  await expect(page).toHaveURL(/\/present$/);
  const stage = page.getByTestId("presentation");
  await expect(counter(page)).toHaveText(`1 / ${proposed}`);
  const unitName = (await stage.locator("article").getAttribute("aria-label"))!;

  // Key 4 = 立案问责: the compact form, then the case is opened.
  await page.keyboard.press("4");
  const form = stage.getByRole("form", { name: "立案问责" });
  await expect(form).toBeVisible();
  await form.getByLabel("问责对象").selectOption("secretary");
  await form.getByLabel("问责方式").selectOption("admonition");
  await form.getByRole("button", { name: "立案并记录决定" }).click();
  const caseLink = stage.getByTestId("slide-case-link");
  await expect(caseLink).toBeVisible();
  const caseId = Number((await caseLink.innerText()).match(/#(\d+)/)![1]);
  await expect(stage.getByTestId("decision-panel").getByRole("button", { name: "立案问责" })).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/\/review\/\d+$/);

  // The leader does not handle cases: the case list offers no 立案 and the case no transitions.
  await page.getByRole("navigation").getByRole("link", { name: "问责案件" }).click();
  await expect(page.locator(`[data-case="${caseId}"]`)).toBeVisible();
  await expect(page.getByRole("button", { name: "立案问责" })).toHaveCount(0);

  // The reviewer finds it in their case list, opened from the review meeting, and can act on it.
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    viewport: { width: 1366, height: 768 },
    locale: "zh-CN",
  });
  const reviewer = await context.newPage();
  await loginAs(reviewer, "reviewer");
  await reviewer.goto("/");
  await reviewer.getByRole("navigation").getByRole("link", { name: "问责案件" }).click();
  const row = reviewer.locator(`[data-case="${caseId}"]`);
  await expect(row).toContainText(unitName);
  await expect(row).toContainText("立案");
  await row.getByRole("link").first().click();
  await expect(reviewer).toHaveURL(new RegExp(`/cases/${caseId}$`));
  await expect(reviewer.getByText("问责审议会").first()).toBeVisible();
  await expect(reviewer.getByRole("button", { name: /调查核实/ }).first()).toBeVisible();
  await context.close();
});
