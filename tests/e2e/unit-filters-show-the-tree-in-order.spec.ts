import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";
import { pickUnit } from "./fixtures/unit-picker";

test("the unit filters browse the organisation tree in order: a branch's units right under it, never under another", async ({ page }) => {
  await loginAs(page, "leader");
  await page.goto("/completeness");
  const picker = page.getByRole("combobox", { name: "填报单位", exact: true });
  await picker.click();
  const tree = page.getByRole("tree");
  const names = () => tree.getByRole("treeitem").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-unit-name")));
  await expect(tree.getByRole("treeitem").first()).toHaveAttribute("data-unit-name", "中共某市委市直机关工委");
  await tree.locator('[data-unit-name="市财政局机关党委"] [title]').click();
  await expect(tree.locator('[data-unit-name="市财政局机关第一党总支"]')).toBeVisible();
  const order = await names();
  const at = (n: string) => order.indexOf(n);
  expect(at("市财政局机关党委")).toBeLessThan(at("市财政局机关第一党总支"));
  expect(at("市财政局机关第一党总支")).toBeLessThan(at("市财政局机关第二党总支"));
  expect(at("市财政局国库支付中心党支部")).toBeLessThan(at("市教育局机关党委"));
  // Every row of the expanded branch sits one level below it.
  for (const n of ["市财政局机关第一党总支", "市财政局机关第二党总支", "市财政局国库支付中心党支部"]) {
    await expect(tree.locator(`[data-unit-name="${n}"]`)).toHaveAttribute("aria-level", "3");
  }
  await page.keyboard.press("Escape");

  // Choosing one narrows the page to it, in the URL.
  await pickUnit(page, "填报单位", "市财政局机关第二党总支", "第二党总支");
  await expect(page).toHaveURL(/unit=\d+/);
  await expect(page.getByRole("combobox", { name: "填报单位", exact: true })).toHaveValue("市财政局机关第二党总支");
});
