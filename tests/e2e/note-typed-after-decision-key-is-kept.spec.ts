import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";

const counter = (page: Page) => page.getByTestId("slide-counter");
const note = (page: Page) => page.getByTestId("presentation").getByLabel("决定说明");
const noteState = (page: Page) => page.getByTestId("note-state");

test("a note typed after the decision key is kept, through slide changes, Esc and leaving", async ({ page }) => {
  await loginAs(page, "reviewer");
  await page.goto("/review/new");
  await expect(page.getByTestId("agenda-table").locator("tbody tr").nth(2)).toBeVisible();
  await page.getByLabel("会议名称").fill(`说明保存测试 ${Date.now()}`);
  await page.getByRole("button", { name: "创建审议会" }).click();
  await expect(page).toHaveURL(/\/review\/\d+$/);
  const meetingUrl = page.url();
  await page.getByRole("button", { name: "开始审议" }).click();
  await page.getByRole("dialog", { name: "开始审议" }).getByRole("button", { name: "开始审议" }).click();
  await expect(page).toHaveURL(/\/present$/);
  await expect(counter(page)).toHaveText(/^1 \//);

  // Slide 1: decision key first, then the note; Esc leaves the field, → turns the slide at once.
  await page.keyboard.press("2");
  await expect(page.getByText("已记录决定：约谈提醒")).toBeVisible();
  await note(page).fill("会后一周内由分管领导约谈书记");
  await expect(noteState(page)).toHaveText("未保存");
  await page.keyboard.press("Escape");
  await page.keyboard.press("ArrowRight");
  await expect(counter(page)).toHaveText(/^2 \//);

  // Slide 2: the note first, then the button, then more typing; Esc twice leaves at once.
  await note(page).fill("督办整改");
  await page.keyboard.press("Escape");
  await page.getByTestId("decision-panel").getByRole("button", { name: "督办" }).click();
  await expect(page.getByTestId("decision-panel").getByRole("button", { name: "督办" })).toHaveAttribute("aria-pressed", "true");
  await note(page).fill("督办整改，限期三十日");
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(meetingUrl);

  // Back in: slide 3 gets a note with no decision yet, saved after a pause, shown as saved.
  await page.goto(`${meetingUrl}/present`);
  await page.keyboard.press("End");
  await note(page).fill("暂缓决定，待核实");
  await expect(noteState(page)).toHaveText("已保存");
  await page.keyboard.press("Escape");
  await page.keyboard.press("Home");
  await expect(note(page)).toHaveValue("会后一周内由分管领导约谈书记");
  await expect(noteState(page)).toHaveText("已保存");

  // The minutes, read fresh from the server, hold all three notes with their decisions.
  await page.goto(`${meetingUrl}/minutes`);
  const rows = page.getByTestId("minutes-table").locator("tbody tr");
  await expect(rows.nth(0)).toContainText("约谈提醒");
  await expect(rows.nth(0)).toContainText("会后一周内由分管领导约谈书记");
  await expect(rows.nth(1)).toContainText("督办");
  await expect(rows.nth(1)).toContainText("督办整改，限期三十日");
  await expect(rows.last()).toContainText("未决定");
  await expect(rows.last()).toContainText("暂缓决定，待核实");
});
