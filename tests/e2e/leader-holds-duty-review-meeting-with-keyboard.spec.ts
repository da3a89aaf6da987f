import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";

const counter = (page: Page) => page.getByTestId("slide-counter");
const panel = (page: Page) => page.getByTestId("decision-panel");
const comment = (page: Page) => page.getByTestId("presentation").getByLabel("点评");
const noteState = (page: Page) => page.getByTestId("note-state");
/** The assessment year being worked on: this year in Beijing (its cycle open in the demo). */
const year = Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date()));

test("a leader holds a 述职评议会 with the keyboard: the comment and the grade proposal are kept through leaving", async ({ page }) => {
  test.setTimeout(90_000); // create, start, present, leave and come back in one walk
  await loginAs(page, "leader");
  await page.goto("/review/new");
  await page.getByRole("navigation", { name: "会议类型" }).getByRole("link", { name: "述职评议会" }).click();
  await expect(page.getByRole("heading", { name: "新建述职评议会" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "考核年度" })).toHaveValue(String(year));

  // The agenda: the secretaries of the graded units, each named.
  const rows = page.getByTestId("agenda-table").locator("tbody tr");
  await expect(rows.nth(1)).toBeVisible();
  expect(await rows.count()).toBeGreaterThanOrEqual(2);
  await expect(rows.first().locator("td").nth(2)).not.toHaveText("无在任书记");
  const secondUnit = (await rows.nth(1).locator("td").nth(1).innerText()).trim();
  const secondSecretary = (await rows.nth(1).locator("td").nth(2).innerText()).trim();

  await page.getByLabel("会议名称").fill(`${year}年度述职评议会 ${Date.now()}`);
  await page.getByRole("button", { name: "创建评议会" }).click();
  await expect(page).toHaveURL(/\/review\/\d+$/);
  const meetingUrl = page.url();
  await page.getByRole("button", { name: "开始审议" }).click();
  await page.getByRole("dialog", { name: "开始审议" }).getByRole("button", { name: "开始审议" }).click();
  await expect(page).toHaveURL(/\/present$/);

  // Arrows move between the secretaries' slides.
  await expect(counter(page)).toHaveText(/^1 \//);
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(counter(page)).toHaveText(/^3 \//);
  await page.keyboard.press("ArrowLeft");
  await expect(counter(page)).toHaveText(/^2 \//);
  const slide = page.locator("article[aria-roledescription=slide]");
  await expect(slide).toHaveAttribute("aria-label", secondUnit);
  await expect(page.getByTestId("slide-secretary")).toContainText(secondSecretary);
  await expect(page.getByTestId("slide-items")).toBeVisible();
  await expect(page.getByTestId("slide-duty-report")).toBeVisible();

  // The comment typed on the slide, then 2 for 较好 once out of the field.
  const text = `述职评议点评 ${Date.now()}：责任落实到位，发展党员工作需加强`;
  await comment(page).fill(text);
  await expect(noteState(page)).toHaveText("已保存");
  await page.keyboard.press("Escape");
  await page.keyboard.press("2");
  await expect(panel(page).getByText("已记录等次建议：较好")).toBeVisible();
  await expect(panel(page).getByRole("button", { name: "较好" })).toHaveAttribute("aria-pressed", "true");

  // Leave (Esc) and come back: both kept, read fresh from the server.
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(meetingUrl);
  await expect(page.getByTestId("agenda-table").locator("tbody tr").nth(1)).toContainText("较好");
  await page.goto(`${meetingUrl}/present`);
  await page.keyboard.press("ArrowRight");
  await expect(counter(page)).toHaveText(/^2 \//);
  await expect(comment(page)).toHaveValue(text);
  await expect(panel(page).getByRole("button", { name: "较好" })).toHaveAttribute("aria-pressed", "true");
});
