import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";
import { leaveAndCloseMeeting } from "./fixtures/review-meeting";
import { recordTrpcCalls } from "./fixtures/server-render";

// The new meeting, the meeting and the presentation are rendered from server data (issue 16: no React
// Query in their first load). The browser calls tRPC only to save (and to list the subtree the agenda
// may add from); after a save the page is read again on the server, never through `review.get`.

const procedures = (calls: string[]) =>
  calls.flatMap((url) => decodeURIComponent(new URL(url).pathname.replace(/^\/api\/trpc\//, "")).split(","));
const agenda = (page: Page) => page.getByTestId("agenda-table").locator("tbody tr");
const unitOf = async (page: Page, row: number) => (await agenda(page).nth(row).locator("td").nth(1).innerText()).trim();

test("a saved agenda, a decision and closing show the meeting read again on the server", async ({ page }) => {
  test.setTimeout(90_000); // create, save the agenda, start, decide every unit, close in one walk
  await loginAs(page, "reviewer");
  const calls = recordTrpcCalls(page);
  await page.goto("/review/new");
  await expect(agenda(page).nth(2)).toBeVisible();
  await page.getByLabel("会议名称").fill(`服务端渲染审议会 ${Date.now()}`);
  await page.getByRole("button", { name: "创建审议会" }).click();
  await expect(page).toHaveURL(/\/review\/\d+$/);
  const meetingUrl = page.url();

  // The chair moves the first unit down and saves: the saved order comes back from the server.
  const first = await unitOf(page, 0);
  const second = await unitOf(page, 1);
  await page.getByRole("button", { name: `下移 ${first}` }).click();
  await expect(page.getByText("议程有未保存的修改。")).toBeVisible();
  await page.getByRole("button", { name: "保存议程" }).click();
  await expect(page.getByText("议程已保存。")).toBeVisible();
  await expect(page.getByText("议程有未保存的修改。")).toHaveCount(0);
  expect(await unitOf(page, 0)).toBe(second);
  await page.reload();
  await expect(agenda(page).first()).toContainText(second);

  // Start, decide on the first slide (约谈提醒), leave: the meeting page counts the decision.
  await page.getByRole("button", { name: "开始审议" }).click();
  await page.getByRole("dialog", { name: "开始审议" }).getByRole("button", { name: "开始审议" }).click();
  await expect(page).toHaveURL(/\/present$/);
  await expect(page.getByTestId("presentation").locator("article")).toHaveAttribute("aria-label", second);
  await page.keyboard.press("2");
  await expect(page.getByText("已记录决定：约谈提醒")).toBeVisible();
  await expect(page.getByTestId("decision-panel").getByRole("button", { name: "约谈提醒" })).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(meetingUrl);
  await expect(agenda(page).first()).toContainText("约谈提醒");

  // Closing with undecided units: the server's refusal shows in the dialog.
  const units = await agenda(page).count();
  await page.getByRole("button", { name: "闭会" }).click();
  await page.getByRole("dialog", { name: "闭会" }).getByRole("button", { name: "闭会" }).click();
  await expect(page.getByRole("dialog", { name: "闭会" }).getByRole("alert")).toContainText("未作出审议决定");
  await page.getByRole("dialog", { name: "闭会" }).getByRole("button", { name: "取消" }).click();

  // The rest decided (1 = 不作处理), then closing: the notice, and the closed meeting as the server now reads it.
  await page.getByRole("link", { name: "进入演示" }).click();
  await expect(page).toHaveURL(/\/present$/);
  await expect(page.getByTestId("slide-counter")).toHaveText(`1 / ${units}`);
  for (let n = 2; n <= units; n++) {
    await page.keyboard.press("ArrowRight");
    await expect(page.getByTestId("slide-counter")).toHaveText(`${n} / ${units}`);
    await page.keyboard.press("1");
    await expect(page.getByTestId("decision-panel").getByRole("button", { name: "不作处理" })).toHaveAttribute("aria-pressed", "true");
  }
  await leaveAndCloseMeeting(page, meetingUrl);
  await expect(page.getByRole("button", { name: "保存议程" })).toHaveCount(0);

  // The reads were the server's: the browser only saved, and listed the subtree to add from.
  const saves = ["review.create", "review.updateAgenda", "review.start", "review.decide", "review.close"];
  expect([...new Set(procedures(calls))].sort()).toEqual([...saves, "unit.tree"].sort());
});

test("an unknown meeting shows the procedure's message in place of the meeting and of the slides", async ({ page }) => {
  await loginAs(page, "leader");
  await page.goto("/review/987654321");
  await expect(page.locator("main").getByRole("alert")).toHaveText("出错了：审议会不存在");
  await page.goto("/review/987654321/present");
  await expect(page.getByTestId("presentation").getByRole("alert")).toHaveText("出错了：审议会不存在");
  await page.goto("/review/abc");
  await expect(page.getByText("404")).toBeVisible();
});
