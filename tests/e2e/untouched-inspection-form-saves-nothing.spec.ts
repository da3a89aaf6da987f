import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";
import { pickUnit } from "./fixtures/unit-picker";

const unitName = "市财政局税政科党支部";

test("an untouched inspection form saves nothing and names what is missing", async ({ page }) => {
  await loginAs(page, "reviewer");
  await page.goto("/inspections");
  const summary = page.getByTestId("inspections-summary");
  await expect(summary).toBeVisible();
  const before = await summary.textContent();

  await page.getByRole("button", { name: "登记检查" }).click();
  const dialog = page.getByRole("dialog", { name: "登记一岗双责检查" });
  await expect(dialog.getByRole("combobox", { name: "被检查单位" })).toHaveValue("");
  await expect(dialog.getByLabel("检查结果", { exact: true })).toHaveValue("");
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(dialog.locator("#insp-unit-error")).toHaveText("请选择单位");
  await expect(dialog.locator("#insp-result-error")).toContainText("请选择检查结果");
  await expect(dialog.locator("#insp-subject-error")).toContainText("请选择检查对象");
  await dialog.getByRole("button", { name: "取消" }).click();
  await page.reload();
  await expect(summary).toHaveText(before!);
});

test("a reviewer withdraws a mistaken inspection: asked why, it leaves the list and the counts", async ({ page }) => {
  await loginAs(page, "reviewer");
  await page.goto("/inspections");
  await page.getByRole("button", { name: "登记检查" }).click();
  const dialog = page.getByRole("dialog", { name: "登记一岗双责检查" });
  await pickUnit(dialog, "被检查单位", unitName, "税政");
  await dialog.getByLabel("检查对象", { exact: true }).selectOption("leader");
  await dialog.getByLabel("检查结果", { exact: true }).selectOption("pass");
  const marker = `误录的检查（端到端测试 ${Date.now()}）`;
  await dialog.getByLabel("被检查人姓名（可选）").fill(marker.slice(0, 20));
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已登记检查记录。" })).toBeVisible();
  const summary = page.getByTestId("inspections-summary");
  const total = (s: string | null) => Number(/共 (\d+) 次/.exec(s ?? "")![1]);
  const before = total(await summary.textContent());
  const row = page.getByTestId("inspections-table").locator("tr", { hasText: marker.slice(0, 20) });
  await expect(row).toContainText(unitName);

  await row.getByRole("button", { name: "撤回" }).click();
  const confirm = page.getByRole("dialog", { name: "撤回检查记录" });
  await confirm.getByRole("button", { name: "确认撤回" }).click();
  await expect(confirm.locator("#withdraw-reason-error")).toContainText("请填写撤回原因");
  await confirm.getByLabel("撤回原因").fill("单位选错");
  await confirm.getByRole("button", { name: "确认撤回" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "已撤回检查记录。" })).toBeVisible();
  await expect(row).toHaveCount(0);
  await expect.poll(async () => total(await summary.textContent())).toBe(before - 1);
});
