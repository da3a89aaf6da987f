import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";
import { leaveAndCloseMeeting } from "./fixtures/review-meeting";
import { reportingQuarter } from "./fixtures/quarters";

const shots = process.env.SHOTS_DIR ?? "test-results/screens";

const counter = (page: Page) => page.getByTestId("slide-counter");
const decision = (page: Page, label: string) => page.getByTestId("decision-panel").getByRole("button", { name: label });

test("a reviewer runs a review meeting with the keyboard; 立案问责 opens a case; the printed minutes hold every decision", async ({
  page,
}) => {
  test.setTimeout(60_000); // the whole meeting, start to printed minutes, in one walk
  await loginAs(page, "reviewer");
  await page.goto("/review");
  await expect(page.getByRole("heading", { name: "问责审议" })).toBeVisible();
  await page.getByRole("link", { name: "新建审议会" }).click();

  // The proposed agenda of the whole tree for the reporting quarter.
  await expect(page.getByRole("heading", { name: "新建问责审议会" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "审议季度" })).toHaveValue(reportingQuarter);
  const rows = page.getByTestId("agenda-table").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  const proposed = await rows.count();
  expect(proposed).toBeGreaterThanOrEqual(3);
  // Every proposed unit says why it is there.
  for (let i = 0; i < proposed; i++) await expect(rows.nth(i).locator("[data-reason]").first()).toBeVisible();

  // The chair moves the first unit down, drops the last one and adds a unit of their own choice.
  const first = (await rows.nth(0).locator("td").nth(1).innerText()).trim();
  const second = (await rows.nth(1).locator("td").nth(1).innerText()).trim();
  await page.getByRole("button", { name: `下移 ${first}` }).click();
  await expect(rows.nth(0).locator("td").nth(1)).toHaveText(second);
  await expect(rows.nth(1).locator("td").nth(1)).toHaveText(first);
  const last = (
    await rows
      .nth(proposed - 1)
      .locator("td")
      .nth(1)
      .innerText()
  ).trim();
  await page.getByRole("button", { name: `移出 ${last}` }).click();
  await expect(rows).toHaveCount(proposed - 1);
  const addSelect = page.getByRole("combobox", { name: "添加单位" });
  const option = addSelect.locator("option:not([disabled])").last();
  const added = (await option.innerText()).trim();
  await addSelect.selectOption(await option.getAttribute("value"));
  await page.getByRole("button", { name: "添加", exact: true }).click();
  await expect(rows).toHaveCount(proposed);
  await expect(rows.last()).toContainText(added);
  await expect(rows.last()).toContainText("主持人添加");
  await page.screenshot({ path: "/tmp/shots-review/agenda-zh.png", fullPage: true });
  const agendaUnits = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll("td")[1]!.textContent.trim()));

  await page.getByRole("button", { name: "创建审议会" }).click();
  await expect(page).toHaveURL(/\/review\/\d+$/);
  const meetingUrl = page.url();
  await expect(page.getByText("筹备中")).toBeVisible();
  await expect(page.getByTestId("agenda-table").locator("tbody tr").first()).toContainText(second);

  // Start: the dark full-screen presentation opens on the first unit.
  await page.getByRole("button", { name: "开始审议" }).click();
  const startDialog = page.getByRole("dialog", { name: "开始审议" });
  await startDialog.getByLabel("出席人员").fill("刘书记（主持）\n组织部 王科长");
  await startDialog.getByRole("button", { name: "开始审议" }).click();
  await expect(page).toHaveURL(/\/present$/);
  const stage = page.getByTestId("presentation");
  await expect(stage).toBeVisible();
  await expect(counter(page)).toHaveText(`1 / ${proposed}`);
  await expect(stage.locator("article h2")).toContainText(agendaUnits[0]!);
  await expect(stage.getByTestId("slide-trend").locator("svg .recharts-line")).toHaveCount(1);
  await expect(stage.getByTestId("slide-categories").locator("li")).toHaveCount(6);

  // Full screen on request (the Fullscreen API), and back.
  await stage.getByRole("button", { name: "全屏" }).click();
  await expect.poll(() => page.evaluate(() => document.fullscreenElement?.getAttribute("data-testid") ?? null)).toBe("presentation");
  await stage.getByRole("button", { name: "退出全屏" }).click();
  await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();

  // Arrow keys move between slides.
  await page.keyboard.press("ArrowRight");
  await expect(counter(page)).toHaveText(`2 / ${proposed}`);
  await expect(stage.locator("article h2")).toContainText(agendaUnits[1]!);
  await page.keyboard.press("ArrowLeft");
  await expect(counter(page)).toHaveText(`1 / ${proposed}`);

  // Slide 1: key 2 = 约谈提醒.
  await page.getByLabel("决定说明").fill("由机关工委分管领导约谈支部书记");
  await page.getByLabel("决定说明").blur();
  await page.keyboard.press("2");
  await expect(stage.getByText("已记录决定：约谈提醒")).toBeVisible();
  await expect(decision(page, "约谈提醒")).toHaveAttribute("aria-pressed", "true");

  // Slide 2: the 督办 button.
  await page.keyboard.press("ArrowRight");
  await expect(counter(page)).toHaveText(`2 / ${proposed}`);
  await decision(page, "督办").click();
  await expect(decision(page, "督办")).toHaveAttribute("aria-pressed", "true");

  // Slide 3: key 4 = 立案问责, through the compact form.
  await page.keyboard.press("ArrowRight");
  await expect(counter(page)).toHaveText(`3 / ${proposed}`);
  await page.keyboard.press("4");
  const form = stage.getByRole("form", { name: "立案问责" });
  await expect(form).toBeVisible();
  await form.getByLabel("问责对象").selectOption("organisation");
  await expect(form.getByLabel("问责方式").locator("option")).toHaveText(["检查", "通报", "改组"]);
  await form.getByLabel("问责方式").selectOption("notice");
  await expect(form.getByLabel("问题事实")).not.toHaveValue(""); // pre-filled from the reasons
  await form.getByRole("button", { name: "立案并记录决定" }).click();
  const caseLink = stage.getByTestId("slide-case-link");
  await expect(caseLink).toBeVisible();
  const caseId = Number((await caseLink.innerText()).match(/#(\d+)/)![1]);
  await expect(decision(page, "立案问责")).toHaveAttribute("aria-pressed", "true");
  await page.screenshot({ path: "/tmp/shots-review/slide-zh.png" });

  // The rest: key 1 = 不作处理; End and Home jump.
  for (let n = 4; n <= proposed; n++) {
    await page.keyboard.press("ArrowRight");
    await expect(counter(page)).toHaveText(`${n} / ${proposed}`);
    await page.keyboard.press("1");
    await expect(decision(page, "不作处理")).toHaveAttribute("aria-pressed", "true");
  }
  await page.keyboard.press("Home");
  await expect(counter(page)).toHaveText(`1 / ${proposed}`);
  await page.keyboard.press("End");
  await expect(counter(page)).toHaveText(`${proposed} / ${proposed}`);

  // Esc leaves the presentation to the meeting page; close the meeting there.
  await leaveAndCloseMeeting(page, meetingUrl);
  await page.screenshot({ path: "/tmp/shots-review/meeting-zh.png", fullPage: true });
  await page.goto("/review");
  // Listed beside the seeded 2026Q2 meeting (and any other spec's), closed, with its case.
  const listed = page.getByTestId("review-table").locator(`[data-review="${meetingUrl.match(/(\d+)$/)![1]}"]`);
  await expect(listed).toContainText("已闭会");
  await expect(page.getByTestId("review-table").locator("tbody tr").filter({ hasText: "已闭会" }).first()).toBeVisible();
  await page.screenshot({ path: "/tmp/shots-review/list-zh.png", fullPage: true });

  // The case is on the case list, from the review meeting.
  await page.goto("/cases");
  const caseRow = page.locator(`[data-case="${caseId}"]`);
  await expect(caseRow).toBeVisible();
  await page.goto(`/cases/${caseId}`);
  await expect(page.getByText("问责审议会").first()).toBeVisible();

  // The minutes, as printed: every decision, no navigation, no buttons.
  await page.goto(`${meetingUrl}/minutes`);
  await expect(page.getByRole("heading", { name: "问责审议会议纪要" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  const minuteRows = page.getByTestId("minutes-table").locator("tbody tr");
  await expect(minuteRows).toHaveCount(proposed);
  const decisions = await minuteRows.evaluateAll((trs) =>
    trs.map((tr) => tr.querySelector("[data-decision]")!.getAttribute("data-decision")),
  );
  expect(decisions).toEqual(["talk", "supervise", "case", ...Array(proposed - 3).fill("no_action")]);
  for (const [i, unit] of agendaUnits.entries()) await expect(minuteRows.nth(i)).toContainText(unit);
  await expect(minuteRows.nth(0)).toContainText("约谈提醒");
  await expect(minuteRows.nth(0)).toContainText("由机关工委分管领导约谈支部书记");
  await expect(minuteRows.nth(1)).toContainText("督办");
  await expect(minuteRows.nth(2)).toContainText(`立案问责案件 #${caseId}`);
  await expect(page.getByRole("navigation")).toBeHidden();
  await expect(page.getByRole("button", { name: "打印" })).toBeHidden();
  await expect(page.getByRole("button", { name: "退出登录" })).toBeHidden();
  await page.screenshot({ path: "/tmp/shots-review/minutes-print-zh.png", fullPage: true });
  await page.emulateMedia({ media: "screen" });
  await expect(page.getByRole("button", { name: "打印" })).toBeVisible();

  // English.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Minutes of the accountability review meeting" })).toBeVisible();
  await page.screenshot({ path: `${shots}/review-minutes-en.png`, fullPage: true });
  await page.screenshot({ path: "/tmp/shots-review/minutes-en.png", fullPage: true });
  await page.goto(`${meetingUrl}/present`);
  await expect(page.getByTestId("slide-counter")).toHaveText(`1 / ${proposed}`);
  await expect(page.getByText("The meeting is closed; decisions can no longer change.")).toBeVisible();
  await page.screenshot({ path: "/tmp/shots-review/slide-en.png" });
});
