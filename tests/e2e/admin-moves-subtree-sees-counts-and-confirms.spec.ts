import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";

const GENERAL = "市教育考试院党总支"; // 党总支 with two 党支部
const FROM = "市教育局机关党委";
const TO = "市卫生健康委机关党委";

const row = (page: Page, name: string) => page.locator("tr[data-unit-id]").filter({ has: page.getByText(name, { exact: true }) });

async function move(page: Page, name: string, target: string) {
  await row(page, name).getByRole("button", { name: "移动" }).click();
  const dialog = page.getByRole("dialog", { name: "移动单位" });
  await expect(dialog.getByTestId("move-counts")).toContainText("3 个单位（含本单位）");
  await dialog.getByLabel("新的上级单位").selectOption({ label: `${target}（党委）` });
  await dialog.getByRole("button", { name: "下一步" }).click();
  return dialog;
}

test("admin moves a subtree: only valid parents are offered, sees what moves, confirms, and can go back", async ({ page }) => {
  await loginAs(page, "admin");
  await page.goto("/admin/units");
  await expect(page.getByRole("heading", { name: "单位管理" })).toBeVisible();

  // A 党支部 holds no units: nothing to add under it.
  await expect(row(page, "市教育考试院第一党支部").getByRole("button", { name: "添加下级" })).toHaveCount(0);

  await row(page, GENERAL).getByRole("button", { name: "移动" }).click();
  const dialog = page.getByRole("dialog", { name: "移动单位" });
  // The dialog's code loads on first open (lazyDialog): read its options once it shows.
  await expect(dialog).toBeVisible();
  // Only 党委 may hold a 党总支: no 党支部 or 党总支 is offered, nor its own subtree or current parent.
  const options = await dialog.getByLabel("新的上级单位").locator("option").allTextContents();
  expect(options.some((o) => o.includes("党支部（"))).toBe(false);
  expect(options.some((o) => o.includes("党总支（"))).toBe(false);
  expect(options.some((o) => o.includes(FROM))).toBe(false);
  expect(options.some((o) => o.includes(TO))).toBe(true);
  // What moves with it, counted before anything happens.
  await expect(dialog.getByTestId("move-counts")).toContainText("3 个单位（含本单位）");
  await expect(dialog.getByTestId("move-counts")).toContainText("份季度报表");
  await dialog.getByLabel("新的上级单位").selectOption({ label: `${TO}（党委）` });
  await dialog.getByRole("button", { name: "下一步" }).click();
  await expect(dialog.getByTestId("move-confirm")).toContainText(`确认将“${GENERAL}”及其下级共 3 个单位移到“${TO}”之下`);
  await page.screenshot({ path: "test-results/screens/admin-move-confirm.png" });

  // Back changes nothing; confirming moves the whole subtree.
  await dialog.getByRole("button", { name: "返回修改" }).click();
  await expect(dialog.getByTestId("move-confirm")).toHaveCount(0);
  await dialog.getByRole("button", { name: "下一步" }).click();
  await dialog.getByRole("button", { name: "确认移动" }).click();
  await expect(page.getByRole("status").filter({ hasText: `已将“${GENERAL}”及其下级共 3 个单位移到“${TO}”之下` })).toBeVisible();

  // In the table it now follows the new parent's subtree; move it back for the other specs.
  const order = await page.locator("tr[data-unit-id] td:first-child").allTextContents();
  const at = (name: string) => order.findIndex((o) => o.includes(name));
  expect(at(GENERAL)).toBeGreaterThan(at(TO));
  expect(at(GENERAL)).toBeLessThan(at("市交通运输局机关党委"));
  const back = await move(page, GENERAL, FROM);
  await back.getByRole("button", { name: "确认移动" }).click();
  await expect(page.getByRole("status").filter({ hasText: `移到“${FROM}”之下` })).toBeVisible();
});
