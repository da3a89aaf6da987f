import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";

const unitName = "市财政局国库科党支部";

test("立案问责 from the case list asks for the unit: refused without one, found by typing part of its name", async ({ page }) => {
  await loginAs(page, "reviewer");
  await page.goto("/cases");
  await page.getByRole("button", { name: "立案问责" }).click();
  const form = page.getByRole("dialog", { name: "立案问责" });
  const unit = form.getByRole("combobox", { name: "单位", exact: true });
  // Nothing is chosen for the reviewer: not the filtered unit, not the root 工委.
  await expect(unit).toHaveValue("");
  await form.getByLabel("问题事实").fill("组织生活会流于形式（端到端测试：从案件列表立案）。");
  await form.getByRole("button", { name: "立案" }).click();
  await expect(form.locator("#case-unit-error")).toHaveText("请选择单位");
  // Nor a category or root cause the reviewer did not pick.
  await expect(form.locator("#case-category-error")).toHaveText("请选择问题类别");
  await expect(form.locator("#case-root-error")).toHaveText("请选择问题根源");
  await expect(page).toHaveURL(/\/cases(\?|$)/);

  // Typing part of the name finds it, with its path; choosing it clears the message.
  await unit.click();
  await unit.fill("国库科");
  const match = form.locator(`[role="option"][data-unit-name="${unitName}"]`);
  await expect(match).toContainText("市财政局机关党委 › 市财政局机关第一党总支");
  await match.click();
  await expect(unit).toHaveValue(unitName);
  await expect(form.locator("#case-unit-error")).toHaveCount(0);
  await expect(form).toContainText("中共某市委市直机关工委 › 市财政局机关党委 › 市财政局机关第一党总支 › 市财政局国库科党支部");
  await form.getByLabel("问题类别").selectOption("inner_life");
  await form.getByLabel("问题根源").selectOption("misperception");
  await form.getByRole("button", { name: "立案" }).click();

  await expect(page).toHaveURL(/\/cases\/\d+$/);
  await expect(page.getByRole("main")).toContainText(unitName);
});

test("the unit picker is driven by the keyboard: ↓ opens the tree, → expands, Enter chooses, Esc keeps the dialog", async ({ page }) => {
  await loginAs(page, "reviewer");
  await page.goto("/cases");
  await page.getByRole("button", { name: "立案问责" }).click();
  const form = page.getByRole("dialog", { name: "立案问责" });
  const unit = form.getByRole("combobox", { name: "单位", exact: true });
  await unit.focus();
  await page.keyboard.press("ArrowDown");
  const tree = form.getByRole("tree");
  await expect(tree).toBeVisible();
  // The top unit, then its children right under it.
  await expect(tree.getByRole("treeitem").first()).toHaveAttribute("data-unit-name", "中共某市委市直机关工委");
  await expect(tree.getByRole("treeitem").nth(1)).toHaveAttribute("data-unit-name", "市财政局机关党委");
  await page.keyboard.press("ArrowDown"); // 市财政局机关党委
  await page.keyboard.press("ArrowRight"); // expand it
  await expect(tree.getByRole("treeitem").nth(2)).toHaveAttribute("data-unit-name", "市财政局机关第一党总支");
  await expect(tree.getByRole("treeitem").nth(1)).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(unit).toHaveValue("市财政局机关第一党总支");
  await page.keyboard.press("ArrowDown");
  await expect(tree).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(tree).toBeHidden();
  await expect(form).toBeVisible();
  await expect(unit).toHaveValue("市财政局机关第一党总支");
});
