import { expect, test } from "./fixtures/test";
import { meetingQuality } from "~/lib/scoring/meeting-quality";
import { loginAs } from "./fixtures/auth";
import { reportingQuarter } from "./fixtures/quarters";

// The middle of the reporting quarter: past, and inside the quarter the page shows.
const year = reportingQuarter.slice(0, 4);
const month = String((Number(reportingQuarter.slice(5)) - 1) * 3 + 2).padStart(2, "0");
const date = `${year}-${month}-14`;
/** The page writes dates one way per language: 2026年8月14日 in Chinese. */
const dateZh = `${year}年${Number(month)}月14日`;
const minutes =
  "支部书记代表支委会作对照检查，主要谈了一年来的工作成绩。与会党员逐一发言，谈了学习体会和下一步工作打算，未提出批评意见。会议明确一项整改措施。";

test("staff records a 组织生活会 with no criticism and thin attendance, and sees its score and both warnings", async ({ page }) => {
  await loginAs(page, "staff");
  await page.goto(`/meetings?quarter=${reportingQuarter}`);
  await expect(page.getByRole("heading", { name: "会议记录" })).toBeVisible();
  await expect(page.getByTestId("completion")).toContainText("“三会一课”完成率");

  await page.getByRole("button", { name: "记录会议" }).click();
  const dialog = page.getByRole("dialog", { name: "记录会议" });
  // Staff record for their own 党支部: the unit is named in the form, not changeable.
  await expect(dialog.locator('[data-unit-picker="readonly"]')).toContainText("市财政局预算科党支部");
  await dialog.getByLabel("会议类型").selectOption({ label: "组织生活会" });
  await dialog.getByLabel("会议日期").fill(date);
  await dialog.getByLabel("会议主题").fill("年度组织生活会（端到端测试）");
  await dialog.getByLabel("应到人数").fill("12");
  await dialog.getByLabel("实到人数").fill("13");
  await dialog.getByLabel("批评意见条数").fill("0");
  await dialog.getByLabel("整改事项数").fill("1");
  await dialog.getByLabel("会议记录").fill(minutes);

  // More present than expected is refused on its field; nothing is saved.
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(dialog.locator("#meeting-present-error")).toContainText("实到人数不能多于应到人数");

  await dialog.getByLabel("实到人数").fill("6");
  // The rubric scores the form as it is typed, with the server's own function.
  const expected = meetingQuality({
    type: "org_life",
    expected: 12,
    present: 6,
    solicitedOpinions: false,
    criticalOpinions: 0,
    rectificationItems: 1,
    minutes,
  }).total;
  await expect(dialog.getByTestId("rubric-total")).toHaveText(expected.toFixed(1));
  await page.screenshot({ path: "test-results/meetings/meeting-dialog.png" });
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: `会议记录已保存，质量评分 ${expected.toFixed(1)}` })).toBeVisible();

  const row = page.getByTestId("meeting-table").locator("tr", { hasText: "年度组织生活会（端到端测试）" });
  await expect(row.getByTestId("quality-score")).toHaveText(expected.toFixed(1));
  await expect(row).toContainText("6/12");
  await expect(row.getByText("零批评")).toBeVisible();
  await expect(row.getByText("出勤不足")).toBeVisible();

  const panel = page.getByTestId("flags-panel");
  await expect(panel.locator("[data-flag='zero_criticism']")).toContainText(`${dateZh} 的组织生活会未提出任何批评意见（批评意见 0 条）`);
  await expect(panel.locator("[data-flag='low_attendance']").filter({ hasText: dateZh })).toContainText(
    "实到 6 人、应到 12 人，出勤率 50%",
  );

  await page.screenshot({ path: "test-results/meetings/meetings.png", fullPage: true });
});
