import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";

const iso = /\d{4}-\d{2}-\d{2}/;
const chineseDate = /\d{4}年\d{1,2}月\d{1,2}日/;

test("from a copied-minutes flag: the other record and the case's source records are dated in Chinese, 立案问责 on its own line", async ({
  page,
}) => {
  await loginAs(page, "reviewer");
  await page.goto("/dashboard/meetings?from=2020Q1&to=2029Q4");
  const card = page.getByTestId("meeting-flags");
  await card.getByRole("button", { name: /^记录雷同/ }).click();
  await expect(card.locator("tbody tr").first()).toHaveAttribute("data-flag", "copied_minutes");
  const meetingLink = card.locator("tbody tr").first().getByTestId("flag-meeting-link");
  const meetingId = /#meeting-(\d+)$/.exec((await meetingLink.getAttribute("href"))!)![1];
  await meetingLink.click();
  // The flagged meeting is marked in the quarter's list (a client-side navigation never sets :target).
  await expect(page.locator("[data-testid='meeting-table'] tr[aria-current='true']")).toHaveAttribute("data-meeting", meetingId!);

  const flag = page.getByTestId("flags-panel").locator("li[data-flag='copied_minutes']").filter({ hasText: "查看对方记录" }).first();
  await expect(flag).toBeVisible();
  const other = flag.getByRole("link", { name: /^查看对方记录/ });
  await expect(other).toHaveText(new RegExp(`^查看对方记录：\\S+ ${chineseDate.source}$`));
  await expect(flag).not.toContainText(iso);

  // The meeting's topic and 立案问责 are two things, one under the other, not one run of text.
  const openCase = flag.getByTestId("open-case");
  await expect(openCase.locator("xpath=..")).toHaveText("立案问责");
  const topic = flag.locator("a[href^='#meeting-']");
  const [topicBox, caseBox] = [await topic.boundingBox(), await openCase.boundingBox()];
  expect(caseBox!.y).toBeGreaterThanOrEqual(topicBox!.y + topicBox!.height);

  await openCase.click();
  const dialog = page.getByRole("dialog", { name: "立案问责" });
  const source = dialog.getByLabel("来源记录");
  await expect(source.locator("option:checked")).toHaveText(chineseDate);
  const labels = await source.locator("option").allTextContents();
  expect(labels.filter((l) => iso.test(l))).toEqual([]);
});
