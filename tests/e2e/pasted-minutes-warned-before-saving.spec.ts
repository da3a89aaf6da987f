import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";
import { reportingQuarter } from "./fixtures/quarters";
import { trpcMutation, trpcQuery } from "./fixtures/trpc";

const year = reportingQuarter.slice(0, 4);
const firstMonth = (Number(reportingQuarter.slice(5)) - 1) * 3 + 1;
const day = (m: number, d: number) => `${year}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
const earlier =
  "支部组织党员到对口帮扶村开展调研，走访农户十二户，了解到村里冷库建设和农产品销路两项困难。回来后召开支委会，研究由两名党员牵头联系农产品展销会，并向单位申请冷库建设补助资金，一个月内反馈进展。";

test("staff pastes minutes of an earlier meeting and is warned before saving; a second click saves anyway", async ({ page }) => {
  await loginAs(page, "staff");
  const { unitId } = await trpcQuery<{ unitId: number }>(page, "me.get", undefined);
  await trpcMutation(page, "meeting.create", {
    unitId,
    type: "group",
    date: day(firstMonth, 5),
    expected: 8,
    present: 8,
    topic: "帮扶村调研情况通报",
    solicitedOpinions: false,
    criticalOpinions: 1,
    rectificationItems: 2,
    minutes: earlier,
  });

  await page.goto(`/meetings?quarter=${reportingQuarter}`);
  await page.getByRole("button", { name: "记录会议" }).click();
  const dialog = page.getByRole("dialog", { name: "记录会议" });
  await dialog.getByLabel("会议日期").fill(day(firstMonth + 1, 9));
  await dialog.getByLabel("会议主题").fill("帮扶工作推进会");
  await dialog.getByLabel("应到人数").fill("8");
  await dialog.getByLabel("实到人数").fill("7");
  await dialog.getByLabel("会议记录").fill(earlier.replace("十二户", "十五户"));

  const warning = dialog.getByTestId("copy-warning");
  await expect(warning).toContainText("会议记录与本单位");
  await expect(warning).toContainText("党小组会记录高度相似（相似度");
  await expect(warning).toContainText("%）");
  await page.screenshot({ path: "test-results/screens/copy-warning.png" });

  // The first click does not save: it asks for a deliberate second one.
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(dialog.getByRole("button", { name: "仍然保存" })).toBeVisible();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "仍然保存" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("meeting-table").locator("tr", { hasText: "帮扶工作推进会" })).toBeVisible();
});
