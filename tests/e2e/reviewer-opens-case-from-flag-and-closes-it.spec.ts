import { expect, test } from "./fixtures/test";
import { lastQuarters } from "~/lib/quarter";
import { loginAs } from "./fixtures/auth";
import { pickUnit } from "./fixtures/unit-picker";

// A 重业务轻党建 unit of the demo tree: its meetings raise formalism flags.
const unitName = "市财政局国库科党支部";

test("a reviewer opens a case from a formalism flag, rectifies it and closes it", async ({ page }) => {
  await loginAs(page, "reviewer");
  await page.goto("/meetings");
  const unitId = await pickUnit(page, "填报单位", unitName, "国库科");
  expect(unitId).toBeGreaterThan(0);

  // The newest quarter in which the unit has a flag with a 立案问责 link.
  const link = page.getByTestId("flags-panel").getByTestId("open-case").first();
  let found = false;
  for (const quarter of lastQuarters(8).reverse()) {
    await page.goto(`/meetings?unit=${unitId}&quarter=${quarter}`);
    await expect(page.getByTestId("flags-panel")).toBeVisible();
    // Flags with evidence, or the empty note: either way the panel has loaded.
    await expect(page.getByTestId("flags-panel").locator("li, p").first()).toBeVisible();
    if ((await link.count()) > 0) {
      found = true;
      break;
    }
  }
  expect(found).toBe(true);
  await link.click();

  // The form opens pre-filled from the flag: source 形式主义预警, category 党内政治生活.
  const dialog = page.getByRole("dialog", { name: "立案问责" });
  await expect(dialog).toBeVisible();
  // The unit is the flagged meeting's, shown read-only.
  await expect(dialog.locator('[data-unit-picker="readonly"]')).toContainText(unitName);
  await expect(dialog.getByLabel("问题来源")).toHaveValue("flag");
  await expect(dialog.getByLabel("问题类别")).toHaveValue("inner_life");
  // For a Party organisation only 检查 / 通报 / 改组 are offered.
  await dialog.getByLabel("问责对象").selectOption("organisation");
  await expect(dialog.getByLabel("问责方式").locator("option")).toHaveText(["检查", "通报", "改组"]);
  await dialog.getByLabel("问责方式").selectOption("notice");
  await dialog.getByLabel("问题根源").selectOption("misperception");
  await dialog.getByLabel("问题事实").fill("组织生活会未开展批评与自我批评（端到端测试）。");
  await dialog.getByRole("button", { name: "立案" }).click();

  await expect(page).toHaveURL(/\/cases\/\d+$/);
  await expect(page.getByRole("heading", { name: /问责案件 #\d+/ })).toBeVisible();
  await expect(page.getByText(unitName).first()).toBeVisible();

  const comment = page.getByLabel("办理意见（2–500 字）");
  const move = async (to: string) => {
    await comment.fill(`同意转为${to}。`);
    await page.getByRole("button", { name: `转为“${to}”` }).click();
    await expect(page.getByRole("status").filter({ hasText: `案件已转为“${to}”` })).toBeVisible();
  };
  // A too-short comment is refused on its field.
  await comment.fill("好");
  await page.getByRole("button", { name: "转为“调查核实”" }).click();
  await expect(page.locator("#case-comment-error")).toContainText("至少 2");
  await move("调查核实");
  await move("作出问责决定");

  // A rectification item already past its deadline shows as overdue.
  await page.getByLabel("整改内容").fill("补开专题组织生活会");
  await page.getByLabel("责任人").fill("支部书记");
  await page.getByLabel("期限").fill("2020-01-31");
  await page.getByRole("button", { name: "添加", exact: true }).click();
  const item = page.getByTestId("case-items").locator("li", { hasText: "补开专题组织生活会" });
  await expect(item.getByText("逾期")).toBeVisible();

  await move("整改中");
  await expect(page.getByTestId("transition-panel")).toContainText("尚有 1 项整改事项未完成");
  await page.screenshot({ path: "test-results/cases/case-rectifying.png", fullPage: true });
  await item.getByRole("button", { name: "标记完成" }).click();
  await expect(page.getByText("已标记完成。")).toBeVisible();
  // The message comes with the new data (one transition), never above the old item.
  expect(await item.getByText("已完成").count(), "the item is done when the message shows").toBe(1);
  await move("整改销号");
  await expect(page.getByTestId("case-timeline").locator("li")).toHaveCount(5);
  await page.screenshot({ path: "test-results/cases/case-closed.png", fullPage: true });

  // The list shows it closed.
  await page.getByRole("link", { name: "返回案件列表" }).click();
  await expect(page.getByTestId("cases-table")).toBeVisible();
});
