import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";
import { trpcMutation, trpcQuery } from "./fixtures/trpc";

test("admin reads the audit log in words and finds an entry by those words", async ({ browser, page }) => {
  // The reviewer (陈晓梅) moves an open case to 调查核实.
  const reviewer = await (await browser.newContext()).newPage();
  await loginAs(reviewer, "reviewer");
  const tree = await trpcQuery<{ id: number; parentId: number | null }[]>(reviewer, "unit.tree", {});
  const root = tree.find((u) => u.parentId === null)!;
  const list = await trpcQuery<{ cases: { id: number; status: string }[] }>(reviewer, "case.list", { unitId: root.id, status: "opened" });
  const open = list.cases[0]!;
  await trpcMutation(reviewer, "case.transition", { id: open.id, to: "investigating", comment: "开始调查核实" });

  await loginAs(page, "admin");
  await page.goto("/admin/audit");
  const sentence = `陈晓梅 将案件 #${open.id} 从 立案 改为 调查核实`;
  const entry = page.locator(`tr[data-action="case.transition"]`).filter({ hasText: sentence });
  await expect(entry).toBeVisible();
  const table = page.getByTestId("audit-table");
  // No codes anywhere a person reads.
  for (const code of ["case.transition", "investigating", "review_meeting", "two_skins", "report.save"]) {
    await expect(table).not.toContainText(code);
  }
  await entry.getByRole("button", { name: "查看" }).click();
  await expect(page.locator('[data-testid^="diff-"] tr[data-changed]').filter({ hasText: "状态" })).toContainText(/立案\s*调查核实/);
  await page.screenshot({ path: "test-results/screens/audit-in-words-zh.png", fullPage: false });

  // Searching by the words of the sentence finds it (each search waits for its own results).
  const search = async (words: string) => {
    await page.getByLabel("搜索").fill(words);
    await page.getByRole("button", { name: "查询" }).click();
    await expect(page).toHaveURL(`/admin/audit?${new URLSearchParams({ q: words }).toString()}`);
    await expect(page.getByTestId("audit-table").getByText("正在加载")).toHaveCount(0, { timeout: 15_000 });
  };
  for (const words of ["调查核实", "陈晓梅 案件", `#${open.id}`]) {
    await search(words);
    await expect(page.locator(`tr[data-action="case.transition"]`).filter({ hasText: sentence })).toBeVisible();
  }
  await search("调查核实 张志远");
  await expect(page.locator(`tr[data-action="case.transition"]`).filter({ hasText: sentence })).toHaveCount(0, { timeout: 15_000 });

  // A malformed date typed into the URL is refused on its field, as the browser's query used to show it (the page reads on the server).
  await page.goto("/admin/audit?from=2026-13-45");
  await expect(page.locator("#f-from")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#f-from-error")).toContainText("YYYY-MM-DD");

  // The same entry in English.
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
  await page.goto("/admin/audit?q=investigating");
  await expect(page.locator(`tr[data-action="case.transition"]`).first()).toContainText(`陈晓梅 moved case #${open.id} from`);
  await page.screenshot({ path: "test-results/screens/audit-in-words-en.png", fullPage: false });
});
