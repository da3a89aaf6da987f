import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";
import { pickUnit } from "./fixtures/unit-picker";

// A 重业务轻党建 unit of the demo tree.
const unitName = "市财政局国库科党支部";
const shots = "/tmp/shots-inspect";

test("a reviewer records a failed 一岗双责 inspection, opens a case from it, and edits the case", async ({ page, context }) => {
  test.setTimeout(60_000); // record, check the secretary of two days, open and edit the case, then again in English
  await loginAs(page, "reviewer");
  await page.goto("/inspections");
  await expect(page.getByRole("heading", { name: "一岗双责检查" })).toBeVisible();
  await expect(page.getByTestId("inspections-table")).toBeVisible();

  // Record: 不合格 without findings is refused on the findings field.
  await page.getByRole("button", { name: "登记检查" }).click();
  const dialog = page.getByRole("dialog", { name: "登记一岗双责检查" });
  await expect(dialog).toBeVisible();
  const unitId = await pickUnit(dialog, "被检查单位", unitName, "国库科");
  await dialog.getByLabel("检查结果", { exact: true }).selectOption("fail");
  await dialog.getByLabel("检查对象", { exact: true }).selectOption("secretary");
  // Who the secretary is on the chosen day, before saving; a day before anyone held the post says so.
  await expect(dialog.getByTestId("inspection-secretary")).toHaveText(/^书记：\S+（\d{4}年\d{1,2}月\d{1,2}日起）$/);
  const day = await dialog.getByLabel("检查日期").inputValue();
  await dialog.getByLabel("检查日期").fill("2001-01-01");
  await expect(dialog.getByTestId("inspection-secretary")).toHaveText("该单位当日无在任书记");
  await dialog.getByLabel("检查日期").fill(day);
  await dialog.getByLabel("被检查人姓名（可选）").fill("钱卫国");
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(dialog.locator("#insp-findings-error")).toContainText("结果为不合格时须写明检查发现的问题");
  const findings = "书记全年未听取党建工作汇报，党建述职以业务代替（端到端测试）。";
  await dialog.getByLabel("检查发现", { exact: true }).fill(findings);
  await dialog.getByLabel("已向上级党组织报告检查结果").check();
  await page.screenshot({ path: `${shots}/inspection-dialog-zh.png` });
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已登记检查记录。" })).toBeVisible();

  const row = page.getByTestId("inspections-table").locator("tr", { hasText: findings });
  await expect(row).toContainText(unitName);
  await expect(row).toContainText("不合格");
  await expect(row).toContainText("已报告");
  await expect(row).toContainText("书记 · 钱卫国");
  const inspectionId = await row.getAttribute("data-inspection");
  await page.screenshot({ path: `${shots}/inspections-zh.png`, fullPage: true });

  // 立案问责 from the row: the case form opens with the inspection as its source.
  await row.getByTestId("open-case").click();
  const form = page.getByRole("dialog", { name: "立案问责" });
  await expect(form).toBeVisible();
  // The unit comes from the inspection: shown, not changeable.
  await expect(form.locator('[data-unit-picker="readonly"]')).toContainText(unitName);
  await expect(form.getByRole("combobox", { name: "单位", exact: true })).toHaveCount(0);
  await expect(form.getByLabel("问题来源")).toHaveValue("inspection");
  await expect(form.getByLabel("来源记录")).toHaveValue(inspectionId!);
  await expect(form.getByLabel("来源记录").locator("option:checked")).toContainText("书记 钱卫国 · 不合格");
  await expect(form.getByLabel("问题类别")).toHaveValue("responsibility");
  await expect(form.getByLabel("问责对象")).toHaveValue("secretary");
  await form.getByLabel("问责方式").selectOption("admonition");
  await form.getByLabel("问题根源").selectOption("misperception");
  await form.getByLabel("问题事实").fill("一岗双责检查不合格：书记不抓党建（端到端测试）。");
  await page.screenshot({ path: `${shots}/case-form-zh.png` });
  await form.getByRole("button", { name: "立案" }).click();

  // The case page names the inspection as its source, with a link back to it.
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  const caseId = page.url().split("/").pop()!;
  const source = page.getByTestId("case-source");
  await expect(source).toContainText(`一岗双责检查 #${inspectionId}`);
  await expect(source.getByRole("link", { name: "查看检查记录" })).toHaveAttribute(
    "href",
    new RegExp(`/inspections\\?unit=${unitId}&quarter=\\d{4}Q[1-4]#inspection-${inspectionId}$`),
  );

  // Edit while opened: the facts and category change; the form list follows the subject.
  await page.getByRole("button", { name: "编辑" }).click();
  const edit = page.getByRole("dialog", { name: "修改立案内容" });
  await expect(edit.getByLabel("问题事实")).toHaveValue("一岗双责检查不合格：书记不抓党建（端到端测试）。");
  await edit.getByLabel("问责对象").selectOption("organisation");
  await expect(edit.getByLabel("问责方式").locator("option")).toHaveText(["检查", "通报", "改组"]);
  await edit.getByLabel("问责对象").selectOption("secretary");
  await edit.getByLabel("问责方式").selectOption("notice");
  await edit.getByLabel("问题类别").selectOption("leadership");
  await edit.getByLabel("问题事实").fill("核实后：书记全年未专题研究党建工作（端到端测试）。");
  await page.screenshot({ path: `${shots}/case-edit-zh.png` });
  await edit.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存修改。" })).toBeVisible();
  await expect(page.getByText("核实后：书记全年未专题研究党建工作（端到端测试）。")).toBeVisible();
  await expect(page.getByText("通报", { exact: true })).toBeVisible();
  await page.screenshot({ path: `${shots}/case-zh.png`, fullPage: true });

  // Back on the inspection: it shows the case opened from it.
  await source.getByRole("link", { name: "查看检查记录" }).click();
  await expect(page.getByTestId("inspections-table").locator(`tr[data-inspection="${inspectionId}"]`)).toContainText(`已立案 #${caseId}`);

  // The same pages in English.
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
  await page.goto(`/inspections?unit=${unitId}`);
  await expect(page.getByRole("heading", { name: /Dual-responsibility inspections/ })).toBeVisible();
  await expect(page.getByTestId("inspections-table").locator(`tr[data-inspection="${inspectionId}"]`)).toContainText("Fail");
  await page.screenshot({ path: `${shots}/inspections-en.png`, fullPage: true });
  await page.goto(`/cases/${caseId}`);
  await expect(page.getByTestId("case-source")).toContainText(`Dual-responsibility inspection #${inspectionId}`);
  await page.screenshot({ path: `${shots}/case-en.png`, fullPage: true });
  await page.goto(`/cases?unit=${unitId}&open=inspection&inspection=${inspectionId}&subject=secretary`);
  await expect(page.getByRole("dialog").getByLabel("Source record").locator("option:checked")).toContainText("Secretary 钱卫国 · Fail");
  await page.screenshot({ path: `${shots}/case-form-en.png` });
});
