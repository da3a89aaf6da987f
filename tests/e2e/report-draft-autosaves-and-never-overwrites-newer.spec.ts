import { type Browser } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";
import { reportingQuarter } from "./fixtures/quarters";

async function staffPage(browser: Browser) {
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await loginAs(page, "staff");
  await page.goto(`/report?quarter=${reportingQuarter}`);
  await expect(page.getByRole("heading", { name: "季度报表" })).toBeVisible();
  return page;
}

test("a report draft saves itself on a phone, and never over a newer version saved elsewhere", async ({ browser }) => {
  const phone = await staffPage(browser);
  const desk = await staffPage(browser); // the same report, opened before the phone saves

  const status = phone.getByTestId("autosave-status");
  await phone.locator("#value-M1_themed_activities").fill("4");
  await expect(status).toHaveText("未保存");
  await expect(status).toHaveText(/^已保存（\d\d:\d\d）$/, { timeout: 10_000 });
  // The page is read again after the autosave: the header names who saved it (the staff account).
  await expect(phone.getByText(/^最后保存：/)).toHaveText(/^最后保存：\S+，\d{4}年/);
  await phone.screenshot({ path: "test-results/screens/report-autosaved-phone.png" });

  // Leave and come back: the draft is there, nobody pressed 保存.
  await phone.reload();
  await expect(phone.locator("#value-M1_themed_activities")).toHaveValue("4");

  // The desk still holds the older version: its autosave is refused, it says so, and offers the latest.
  const deskStatus = desk.getByTestId("autosave-status");
  await desk.locator("#value-M2_education_forms").fill("2");
  await expect(deskStatus).toHaveText("未保存：他人已保存了更新的版本", { timeout: 10_000 });
  await expect(desk.getByRole("alert").filter({ hasText: "保存冲突" })).toBeVisible();
  await desk.getByRole("button", { name: "载入最新数据" }).click();
  await expect(desk.locator("#value-M1_themed_activities")).toHaveValue("4");
  await expect(desk.locator("#value-M2_education_forms")).toHaveValue("");
});
