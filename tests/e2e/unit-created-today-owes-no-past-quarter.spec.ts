import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";
import { reportingQuarter } from "./fixtures/quarters";

const PARENT = "市财政局机关第二党总支";
const NAME = "市财政局债务管理科党支部";

test("a 党支部 created today does not count for the last quarter's completeness and is told nothing is due", async ({ page }) => {
  await loginAs(page, "admin");
  await page.goto(`/completeness?quarter=${reportingQuarter}`);
  const total = page.locator('[data-tile="total"]');
  await expect(total).toBeVisible();
  const before = (await total.textContent())!;

  await page.goto("/admin/units");
  const parentRow = page.locator("tr[data-unit-id]").filter({ has: page.getByText(PARENT, { exact: true }) });
  await parentRow.getByRole("button", { name: "添加下级" }).click();
  const dialog = page.getByRole("dialog", { name: "新建下级单位" });
  // The dialog's code loads on first open (lazyDialog): read its options once it shows.
  await expect(dialog).toBeVisible();
  // A 党总支 holds only 党支部: no other type is offered.
  expect(await dialog.getByLabel("单位类型").locator("option").allTextContents()).toEqual(["党支部"]);
  await dialog.getByLabel("单位名称").fill(NAME);
  await dialog.getByLabel("党员人数").fill("5");
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status").filter({ hasText: `已新建单位“${NAME}”` })).toBeVisible();
  const id = await page
    .locator("tr[data-unit-id]")
    .filter({ has: page.getByText(NAME, { exact: true }) })
    .getAttribute("data-unit-id");

  // The last finished quarter's completeness is as before, without the new unit.
  await page.goto(`/completeness?quarter=${reportingQuarter}`);
  await expect(total).toHaveText(before);
  await expect(page.locator(`tr[data-unit="${NAME}"]`)).toHaveCount(0);
  // Its page for that quarter says nothing is due.
  await page.goto(`/report?unit=${id}&quarter=${reportingQuarter}`);
  await expect(page.getByTestId("not-owed")).toContainText("无须报送");
});
