import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";

const parentName = "市财政局机关第一党总支";
const unitName = "市财政局法规科党支部";
const user = { username: "fagui_wang", displayName: "王法规", password: "Fagui-2026!" };

test("admin adds a 党支部 and a staff user there, who then signs in with the new password", async ({ page, browser }) => {
  await loginAs(page, "admin");

  // 1. The new 党支部 under an existing 党总支.
  await page.goto("/admin/units");
  await expect(page.getByRole("heading", { name: "单位管理" })).toBeVisible();
  const parentRow = page.locator("tr[data-unit-id]").filter({ has: page.getByText(parentName, { exact: true }) });
  await parentRow.getByRole("button", { name: "添加下级" }).click();

  const unitDialog = page.getByRole("dialog", { name: "新建下级单位" });
  await expect(unitDialog.getByLabel("上级单位")).toHaveValue(parentName);
  // An empty name is refused by the server, on the name field.
  await unitDialog.getByRole("button", { name: "保存" }).click();
  await expect(unitDialog.locator("#unit-name-error")).toContainText("请填写单位名称");
  await expect(unitDialog.locator("#unit-members-error")).toContainText("党员人数须为整数");

  await unitDialog.getByLabel("单位名称").fill(unitName);
  await unitDialog.getByLabel("单位类型").selectOption({ label: "党支部" });
  await unitDialog.getByLabel("党员人数").fill("6");
  await unitDialog.getByLabel("书记与行政主要负责人“一肩挑”").check();
  await unitDialog.getByLabel("党务干部配备").selectOption({ label: "兼职" });
  await page.screenshot({ path: "test-results/screens/admin-units-dialog.png" });
  await unitDialog.getByRole("button", { name: "保存" }).click();
  await expect(unitDialog).toBeHidden();
  await expect(page.getByRole("status")).toContainText(`已新建单位“${unitName}”`);

  const newRow = page.locator("tr[data-unit-id]").filter({ has: page.getByText(unitName, { exact: true }) });
  await expect(newRow).toContainText("党支部");
  await expect(newRow).toContainText("启用");
  await page.screenshot({ path: "test-results/screens/admin-units.png", fullPage: true });

  // 2. A staff user at that unit; a taken username is refused on its field first.
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "用户管理" })).toBeVisible();
  await page.getByRole("button", { name: "新增用户" }).click();
  const userDialog = page.getByRole("dialog", { name: "新增用户" });
  await userDialog.getByLabel("用户名").fill("staff");
  await userDialog.getByLabel("姓名").fill(user.displayName);
  await userDialog.getByLabel("角色").selectOption({ label: "填报员" });
  // The unit is chosen in the tree: 市财政局机关党委 → 第一党总支 → the new 党支部.
  const unitPicker = userDialog.getByRole("combobox", { name: "所在单位" });
  await unitPicker.click();
  const tree = userDialog.getByRole("tree");
  await tree.locator('[data-unit-name="市财政局机关党委"] [title]').click();
  await tree.locator(`[data-unit-name="${parentName}"] [title]`).click();
  await tree.locator(`[data-unit-name="${unitName}"]`).click();
  await expect(unitPicker).toHaveValue(unitName);
  await userDialog.getByLabel("初始密码").fill(user.password);
  await userDialog.getByRole("button", { name: "保存" }).click();
  await expect(userDialog.locator("#user-username-error")).toContainText("用户名“staff”已被使用");

  await userDialog.getByLabel("用户名").fill(user.username);
  await userDialog.getByRole("button", { name: "保存" }).click();
  await expect(userDialog).toBeHidden();
  await expect(page.getByRole("status")).toContainText(`已新增用户“${user.displayName}”`);
  await page.getByLabel("用户名或姓名").fill("fagui");
  const userRow = page.locator(`tr[data-username="${user.username}"]`);
  await expect(userRow).toContainText(unitName);
  await expect(userRow).toContainText("填报员");
  await page.getByLabel("用户名或姓名").fill("");
  await page.getByLabel("用户名或姓名").blur(); // the focus ring is red and would read as an error in the picture
  await expect(page.locator("tr[data-username]").nth(3)).toBeVisible();
  await page.screenshot({ path: "test-results/screens/admin-users.png", fullPage: true });

  // 3. The new user signs in through the login form, in a browser of their own.
  const theirPage = await (await browser.newContext()).newPage();
  await theirPage.goto("/login");
  await theirPage.getByLabel("用户名").fill(user.username);
  await theirPage.getByLabel("密码").fill(user.password);
  await theirPage.getByRole("button", { name: "登录" }).click();
  // Signed in: the app (whatever its start page) shows their name and role.
  await expect(theirPage.getByTestId("current-user")).toBeVisible();
  await expect(theirPage).not.toHaveURL(/\/login/);
  await expect(theirPage.getByTestId("current-user")).toContainText(user.displayName);
  await expect(theirPage.getByTestId("current-user")).toContainText("填报员");
});

test("non-admins see no unit or user administration", async ({ page }) => {
  await loginAs(page, "leader");
  await page.goto("/admin/users");
  await expect(page.getByText("仅组织部管理员可访问此页面。")).toBeVisible();
  const res = await page.request.get(`/api/trpc/user.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`);
  expect(res.status()).toBe(403);
});
