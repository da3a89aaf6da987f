import { createTranslator } from "next-intl";
import { beforeAll, describe, expect, it } from "vitest";
import { changeLines, describeAudit, type DescribableEntry, type Words } from "~/app/(app)/admin/audit/describe";
import { loadMessages } from "~/i18n/messages";

let zh: Words;
let en: Words;
beforeAll(async () => {
  zh = createTranslator({ locale: "zh-CN", messages: (await loadMessages("zh-CN")) as never }) as unknown as Words;
  en = createTranslator({ locale: "en", messages: (await loadMessages("en")) as never }) as unknown as Words;
});

const entry = (e: Partial<DescribableEntry>): DescribableEntry => ({
  action: "case.transition",
  entity: "case",
  entityId: "12",
  unitName: "A局第一党支部",
  actorUsername: "zhangsan",
  actorDisplayName: "张三",
  before: null,
  after: null,
  ...e,
});
const noCode = /org_life|two_skins|investigating|[a-z]+\.[a-z]+/;

describe("an audit entry in words", () => {
  it("reads a case transition as a sentence, statuses in words", () => {
    const e = entry({ before: { status: "investigating", version: 2 }, after: { status: "decided", version: 3 } });
    expect(describeAudit(zh, "zh-CN", e)).toBe("张三 将案件 #12 从 调查核实 改为 作出问责决定");
    expect(describeAudit(en, "en", e)).toBe(
      "张三 moved case #12 from Investigating to Decided"
        .replace("Investigating", en("cases.statuses.investigating"))
        .replace("Decided", en("cases.statuses.decided")),
    );
  });

  it("names fields and values in words, never codes", () => {
    const e = entry({
      action: "case.update",
      before: { category: "leadership", version: 1 },
      after: { category: "two_skins", version: 2 },
    });
    const [line, ...rest] = changeLines(zh, "zh-CN", e);
    expect(rest).toEqual([]); // the version is bookkeeping, not a change a reader looks for
    expect(line).toMatchObject({ field: "问题类别", before: "“一把手”重视不够", after: "党建业务融合" });
    expect(describeAudit(zh, "zh-CN", e)).toBe("张三 修改了案件 #12的立案内容");
  });

  it("leaves bookkeeping (who/when stamps, versions) out of the changed fields", () => {
    const e = entry({
      action: "meeting.update",
      entity: "meeting",
      entityId: "40",
      before: { minutes: "旧纪要", updatedBy: null, updatedAt: "2026-11-01T02:00:00Z", version: 1 },
      after: { minutes: "新纪要", updatedBy: 4, updatedAt: "2026-11-03T02:00:00Z", version: 2 },
    });
    expect(changeLines(zh, "zh-CN", e).map((l) => l.path)).toEqual(["minutes"]);
  });

  it("reads meetings, reports and review meetings with their names, dates and quarters", () => {
    const meeting = entry({ action: "meeting.create", entity: "meeting", entityId: "40", after: { type: "org_life", date: "2026-11-03" } });
    expect(describeAudit(zh, "zh-CN", meeting)).toBe("张三 记录了A局第一党支部2026年11月3日的组织生活会");
    expect(describeAudit(en, "en", meeting)).not.toMatch(noCode);
    const report = entry({ action: "report.submit", entity: "report", entityId: "7", after: { status: "submitted", quarter: "2026Q3" } });
    expect(describeAudit(zh, "zh-CN", report)).toBe("张三 提交了A局第一党支部2026年第3季度报表");
    const review = entry({ action: "review.create", entity: "review_meeting", entityId: "2", after: { title: "第三季度问责审议" } });
    expect(describeAudit(zh, "zh-CN", review)).toBe("张三 创建了问责审议会“第三季度问责审议”");
  });

  it("reads the annual assessment's entries with their person, unit and year, grades and stages in words", () => {
    const officer = entry({
      action: "officer.end",
      entity: "officer",
      entityId: "214",
      before: { name: "张志远", to: null },
      after: { name: "张志远", to: "2026-11-30" },
    });
    expect(describeAudit(zh, "zh-CN", officer)).toContain("班子成员“张志远”");
    const grade = entry({
      action: "assessment.setFinalGrade",
      entity: "assessmentGrade",
      entityId: "2026:37",
      unitName: "国库科党支部",
      before: { final: "average" },
      after: { final: "good" },
    });
    expect(describeAudit(zh, "zh-CN", grade)).toContain("国库科党支部（2026年）年度等次");
    expect(changeLines(zh, "zh-CN", grade)).toEqual([expect.objectContaining({ before: "一般", after: "好" })]);
    const stage = entry({
      action: "assessment.moveCycle",
      entity: "assessmentCycle",
      entityId: "2026",
      before: { status: "open" },
      after: { status: "rating" },
    });
    expect(describeAudit(zh, "zh-CN", stage)).toContain("2026年度考核");
    expect(changeLines(zh, "zh-CN", stage)).toEqual([expect.objectContaining({ before: "述职", after: "评定" })]);
    const meeting = entry({
      action: "review.createDuty",
      entity: "review_meeting",
      entityId: "2",
      after: { kind: "duty_review", title: "2026年度述职评议会" },
    });
    expect(describeAudit(zh, "zh-CN", meeting)).toContain("述职评议会“2026年度述职评议会”");
  });

  it("falls back to the action's label, or plain words, for an action it has no sentence for", () => {
    const e = entry({ action: "widget.frobnicate", entity: "widget", entityId: "3" });
    const text = describeAudit(zh, "zh-CN", e);
    expect(text).toContain("张三");
    expect(text).not.toContain("frobnicate");
  });
});

describe("a refused call in words", () => {
  it("names the page it came from, in words and with its path", () => {
    const e = entry({
      action: "authz.refused",
      entity: "procedure",
      entityId: "assessment.gradeDistribution",
      after: { code: "FORBIDDEN", path: "assessment.gradeDistribution", page: "/assessment/dashboard", unitId: 3 },
    });
    expect(describeAudit(zh, "zh-CN", e)).toMatch(/^张三 越权访问被拒绝：.*（页面“年度考核”，\/assessment\/dashboard）$/);
    expect(describeAudit(en, "en", e)).toMatch(/\(page “Assessment”, \/assessment\/dashboard\)$/);
    // A page outside the navigation still shows its path.
    expect(describeAudit(zh, "zh-CN", entry({ ...e, after: { page: "/somewhere" } }))).toMatch(/（页面“\/somewhere”，\/somewhere）$/);
  });
});

describe("an officers roster import in words", () => {
  it("says who imported it and how many tenures it added, changed and left alone", () => {
    const e = entry({
      action: "officer.import",
      entity: "unit",
      entityId: "1",
      unitName: "市委组织部",
      after: { fileName: "干部名册.xlsx", created: 3, updated: 1, unchanged: 12, newPeople: 2, units: [5, 6] },
    });
    expect(describeAudit(zh, "zh-CN", e)).toBe("张三 从表格导入了干部名册（单位“市委组织部”）：新增 3 条任职、修改 1 条、12 条不变");
    expect(describeAudit(en, "en", e)).toMatch(/imported the officers roster .*3 new tenures, 1 updated, 12 unchanged/);
  });
});
