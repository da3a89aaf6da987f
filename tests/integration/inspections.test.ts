import { beforeAll, describe, expect, it } from "vitest";
import { reports, reviewMeetings } from "~/db/schema";
import { createCaller } from "~/server/api/root";
import type { CreateCaseInput } from "~/server/services/case/schemas";
import type { CreateInspectionInput } from "~/server/services/inspection/schemas";
import { todayInChina } from "~/server/services/meeting/schemas";
import { callerFor, createActor } from "../factories";
import { meetingInput, setMembers } from "./meeting-fixtures";
import { callersOn, usualCast, useTreeDb, type Caller } from "./test-db";
import { auditRows, fieldErrorsOf, outcomeOf, trpcError } from "./trpc-expect";

/** 一岗双责 inspections as a case source; case source picker; case editing. */
const t = useTreeDb();
let admin: Caller, reviewerA: Caller, leaderA: Caller, staffA1: Caller, staffA2: Caller, reviewerB: Caller, leaderRoot: Caller;

beforeAll(async () => {
  ({ admin, reviewerA, leaderA, staffA1, staffA2, reviewerB, leaderRoot } = await callersOn(t, {
    ...usualCast,
    leaderRoot: ["leader", "root"],
  }));
});

const inspection = (unitId: number, over: Partial<CreateInspectionInput> = {}): CreateInspectionInput => ({
  unitId,
  inspectedOn: "2026-03-18",
  subject: "secretary",
  personName: "王建国",
  result: "fail",
  findings: "书记全年未听取支部党建工作汇报，述职只讲业务。",
  reportedUpward: true,
  ...over,
});

const caseInput = (unitId: number, over: Partial<CreateCaseInput> = {}): CreateCaseInput => ({
  unitId,
  subject: "secretary",
  category: "responsibility",
  rootCause: "misperception",
  form: "admonition",
  facts: "一岗双责检查不合格：书记不抓党建。",
  ...over,
});

describe("inspection.create", () => {
  it("records an inspection with its quarter derived from the date, the recorder as inspector, and an audit row", async () => {
    const { id } = await reviewerA.inspection.create(inspection(t.tree.leafA1.id, { inspectedOn: "2025-12-31" }));
    const got = await reviewerA.inspection.get({ id });
    expect(got).toMatchObject({
      unitName: "A局第一党支部",
      quarter: "2025Q4",
      result: "fail",
      reportedUpward: true,
      inspectorName: "测试reviewer",
      version: 1,
      canWrite: true,
      caseIds: [],
    });
    const audits = await auditRows(t.db, "inspection.create", id);
    expect(audits).toHaveLength(1);
    expect(audits[0]!.after).toMatchObject({ result: "fail", quarter: "2025Q4" });
  });

  it("scope: reviewer of another branch, staff and leaders cannot record; admin can anywhere", async () => {
    expect(await outcomeOf(reviewerB.inspection.create(inspection(t.tree.leafA1.id)))).toBe("FORBIDDEN");
    expect(await outcomeOf(staffA1.inspection.create(inspection(t.tree.leafA1.id)))).toBe("FORBIDDEN");
    expect(await outcomeOf(leaderA.inspection.create(inspection(t.tree.leafA1.id)))).toBe("FORBIDDEN");
    expect(await outcomeOf(reviewerA.inspection.create(inspection(999_999)))).toBe("NOT_FOUND");
    expect(await outcomeOf(admin.inspection.create(inspection(t.tree.leafB1.id)))).toBe("ok");
    expect(await outcomeOf(reviewerB.inspection.create(inspection(t.tree.leafB1.id)))).toBe("ok");
  });

  it("refuses bad input with a Chinese-first message on the field", async () => {
    const unit = t.tree.leafA1.id;
    const future = await fieldErrorsOf(reviewerA.inspection.create(inspection(unit, { inspectedOn: "2999-01-01" })));
    expect(future.inspectedOn).toMatch(/^检查日期不能晚于今天（/);
    expect((await fieldErrorsOf(reviewerA.inspection.create(inspection(unit, { inspectedOn: "2026-02-30" })))).inspectedOn).toMatch(
      /不是有效日期/,
    );
    expect((await fieldErrorsOf(reviewerA.inspection.create(inspection(unit, { inspectedOn: "18/03/2026" })))).inspectedOn).toMatch(
      /YYYY-MM-DD/,
    );
    const noFindings = await fieldErrorsOf(reviewerA.inspection.create(inspection(unit, { result: "fail", findings: "  " })));
    expect(noFindings.findings).toMatch(/^结果为不合格时须写明检查发现/);
    expect((await fieldErrorsOf(reviewerA.inspection.create(inspection(unit, { result: "basic", findings: "" })))).findings).toMatch(
      /基本合格/,
    );
    // A pass needs no findings.
    expect(await outcomeOf(reviewerA.inspection.create(inspection(unit, { result: "pass", findings: "" })))).toBe("ok");
    const codes = await fieldErrorsOf(
      reviewerA.inspection.create({ ...inspection(unit), subject: "member" as never, result: "good" as never }),
    );
    expect(codes.subject).toMatch(/检查对象/);
    expect(codes.result).toMatch(/合格、基本合格或不合格/);
    expect((await fieldErrorsOf(reviewerA.inspection.create(inspection(unit, { personName: "名".repeat(51) })))).personName).toMatch(/50/);
  });

  it("accepts today's date in Beijing", async () => {
    expect(await outcomeOf(reviewerA.inspection.create(inspection(t.tree.leafA2.id, { inspectedOn: todayInChina() })))).toBe("ok");
  });
});

describe("inspection.list and get", () => {
  it("lists a subtree with filters; leaders read; staff only their own unit; another branch is out of reach", async () => {
    const a1 = (await reviewerA.inspection.create(inspection(t.tree.leafA1.id, { inspectedOn: "2026-01-20", result: "basic" }))).id;
    const a2 = (
      await reviewerA.inspection.create(inspection(t.tree.leafA2.id, { inspectedOn: "2026-01-21", result: "pass", findings: "" }))
    ).id;

    const byA = await reviewerA.inspection.list({ unitId: t.tree.branchA.id, quarter: "2026Q1" });
    expect(byA.canWrite).toBe(true);
    expect(byA.inspections.map((i) => i.id)).toEqual(expect.arrayContaining([a1, a2]));
    expect(byA.inspections.every((i) => i.quarter === "2026Q1")).toBe(true);
    expect(byA.totals.total).toBe(byA.inspections.length);
    expect(byA.totals.basic).toBe(byA.inspections.filter((i) => i.result === "basic").length);
    expect(byA.totals.reported).toBe(byA.inspections.filter((i) => i.reportedUpward).length);
    const basic = await reviewerA.inspection.list({ unitId: t.tree.branchA.id, result: "basic" });
    expect(basic.inspections.map((i) => i.id)).toContain(a1);
    expect(basic.inspections.every((i) => i.result === "basic")).toBe(true);

    const asLeader = await leaderA.inspection.list({ unitId: t.tree.branchA.id });
    expect(asLeader.canWrite).toBe(false);
    expect(asLeader.inspections.map((i) => i.id)).toEqual(expect.arrayContaining([a1, a2]));
    expect(await leaderA.inspection.get({ id: a1 })).toMatchObject({ id: a1, canWrite: false });

    const own = await staffA1.inspection.list({ unitId: t.tree.leafA1.id });
    expect(own.inspections.length).toBeGreaterThan(0);
    expect(own.inspections.every((i) => i.unitId === t.tree.leafA1.id)).toBe(true);
    expect(await outcomeOf(staffA1.inspection.list({ unitId: t.tree.branchA.id }))).toBe("FORBIDDEN");
    expect(await outcomeOf(staffA2.inspection.get({ id: a1 }))).toBe("NOT_FOUND");

    expect(await outcomeOf(reviewerB.inspection.list({ unitId: t.tree.branchA.id }))).toBe("FORBIDDEN");
    expect(await outcomeOf(reviewerB.inspection.get({ id: a1 }))).toBe("NOT_FOUND");
    const rootList = await leaderRoot.inspection.list({ unitId: t.tree.root.id });
    expect(rootList.inspections.some((i) => i.unitId === t.tree.leafB1.id)).toBe(true);
  });
});

describe("signed out", () => {
  it("every inspection procedure and the new case procedures refuse anonymous callers", async () => {
    const anon = callerFor(t.db, null);
    const fields = {
      inspectedOn: "2026-03-01",
      subject: "secretary" as const,
      result: "pass" as const,
      findings: "",
      reportedUpward: false,
    };
    for (const call of [
      () => anon.inspection.list({ unitId: t.tree.root.id }),
      () => anon.inspection.get({ id: 1 }),
      () => anon.inspection.create({ unitId: t.tree.root.id, ...fields }),
      () => anon.inspection.update({ id: 1, version: 1, ...fields }),
      () => anon.case.update({ id: 1, version: 1 }),
      () => anon.case.sourceOptions({ unitId: t.tree.root.id, sourceType: "inspection" }),
    ]) {
      expect(await outcomeOf(call())).toBe("UNAUTHORIZED");
    }
  });
});

describe("inspection.update", () => {
  it("replaces the fields, bumps the version, audits before/after; a stale version is CONFLICT", async () => {
    const { id } = await reviewerA.inspection.create(inspection(t.tree.leafA1.id, { inspectedOn: "2026-02-10" }));
    const fields = {
      inspectedOn: "2026-04-02",
      subject: "leader" as const,
      personName: "",
      result: "basic" as const,
      findings: "分管领导对分管科室党建过问不多。",
      reportedUpward: false,
    };
    expect(await reviewerA.inspection.update({ id, version: 1, ...fields })).toEqual({ id, version: 2 });
    const got = await reviewerA.inspection.get({ id });
    expect(got).toMatchObject({
      quarter: "2026Q2",
      subject: "leader",
      personName: null,
      result: "basic",
      reportedUpward: false,
      version: 2,
    });
    const audits = await auditRows(t.db, "inspection.update", id);
    expect(audits).toHaveLength(1);
    expect(audits[0]!.before).toMatchObject({ result: "fail", quarter: "2026Q1", version: 1 });
    expect(audits[0]!.after).toMatchObject({ result: "basic", quarter: "2026Q2", version: 2 });

    const err = await trpcError(reviewerA.inspection.update({ id, version: 1, ...fields, result: "pass" }));
    expect(err.code).toBe("CONFLICT");
    expect(err.message).toMatch(/当前版本 2/);
    expect((await reviewerA.inspection.get({ id })).result).toBe("basic");
  });

  it("is refused outside the writer's scope and validated like create", async () => {
    const { id } = await reviewerA.inspection.create(inspection(t.tree.leafA2.id));
    const fields = {
      inspectedOn: "2026-03-01",
      subject: "secretary" as const,
      result: "fail" as const,
      findings: "仍未整改到位。",
      reportedUpward: true,
    };
    expect(await outcomeOf(reviewerB.inspection.update({ id, version: 1, ...fields }))).toBe("NOT_FOUND");
    expect(await outcomeOf(leaderA.inspection.update({ id, version: 1, ...fields }))).toBe("FORBIDDEN");
    expect(await outcomeOf(staffA2.inspection.update({ id, version: 1, ...fields }))).toBe("FORBIDDEN");
    expect((await fieldErrorsOf(reviewerA.inspection.update({ id, version: 1, ...fields, findings: "" }))).findings).toMatch(/不合格/);
    expect(await outcomeOf(reviewerA.inspection.update({ id: 999_999, version: 1, ...fields }))).toBe("NOT_FOUND");
  });
});

describe("case with an inspection source", () => {
  it("links an inspection of the same unit (listed on the inspection), and refuses another unit's or a missing one", async () => {
    const { id: insp } = await reviewerA.inspection.create(inspection(t.tree.leafA1.id));
    const { id } = await reviewerA.case.create(caseInput(t.tree.leafA1.id, { sourceType: "inspection", sourceId: insp }));
    const got = await reviewerA.case.get({ id });
    expect(got).toMatchObject({ sourceType: "inspection", sourceId: insp, sourceQuarter: "2026Q1" });
    expect((await reviewerA.inspection.get({ id: insp })).caseIds).toEqual([id]);

    const other = await fieldErrorsOf(reviewerA.case.create(caseInput(t.tree.leafA2.id, { sourceType: "inspection", sourceId: insp })));
    expect(other.sourceId).toMatch(/不属于该单位/);
    expect(
      (await fieldErrorsOf(reviewerA.case.create(caseInput(t.tree.leafA1.id, { sourceType: "inspection", sourceId: 999_999 })))).sourceId,
    ).toMatch(/不存在/);
    expect((await fieldErrorsOf(reviewerA.case.create(caseInput(t.tree.leafA1.id, { sourceType: "inspection" })))).sourceId).toMatch(
      /请指明来源记录/,
    );
  });
});

describe("case.update", () => {
  it("edits while opened or investigating, audits before/after, and keeps omitted fields", async () => {
    const { id } = await reviewerA.case.create(caseInput(t.tree.leafA1.id));
    expect(await reviewerA.case.update({ id, version: 1, facts: "核实后：书记一年未研究党建工作。", category: "leadership" })).toEqual({
      id,
      version: 2,
    });
    let got = await reviewerA.case.get({ id });
    expect(got).toMatchObject({
      facts: "核实后：书记一年未研究党建工作。",
      category: "leadership",
      subject: "secretary",
      form: "admonition",
      rootCause: "misperception",
      canEdit: true,
    });
    const audits = await auditRows(t.db, "case.update", id);
    expect(audits).toHaveLength(1);
    expect(audits[0]!.before).toMatchObject({ category: "responsibility", facts: "一岗双责检查不合格：书记不抓党建。", version: 1 });
    expect(audits[0]!.after).toMatchObject({ category: "leadership", version: 2 });

    await reviewerA.case.transition({ id, to: "investigating", comment: "开始调查" });
    got = await reviewerA.case.get({ id });
    expect(
      await reviewerA.case.update({ id, version: got.version, subject: "organisation", form: "notice", rootCause: "poor_planning" }),
    ).toMatchObject({ id });
    expect(await reviewerA.case.get({ id })).toMatchObject({
      subject: "organisation",
      form: "notice",
      rootCause: "poor_planning",
      status: "investigating",
    });
  });

  it("is refused after the decision, for a form that does not fit the subject, and with a stale version", async () => {
    const { id } = await reviewerA.case.create(caseInput(t.tree.leafA2.id));
    // The form must fit the subject, whether one or both change.
    expect((await fieldErrorsOf(reviewerA.case.update({ id, version: 1, subject: "organisation" }))).form).toMatch(/检查、通报、改组/);
    expect((await fieldErrorsOf(reviewerA.case.update({ id, version: 1, form: "reorganisation" }))).form).toMatch(/诫勉/);
    expect((await fieldErrorsOf(reviewerA.case.update({ id, version: 1, facts: " " }))).facts).toMatch(/问题事实/);

    await reviewerA.case.update({ id, version: 1, facts: "第一次修改的事实。" });
    const stale = await trpcError(reviewerA.case.update({ id, version: 1, facts: "基于旧版本的修改。" }));
    expect(stale.code).toBe("CONFLICT");
    expect((await reviewerA.case.get({ id })).facts).toBe("第一次修改的事实。");

    await reviewerA.case.transition({ id, to: "investigating", comment: "开始调查" });
    await reviewerA.case.transition({ id, to: "decided", comment: "作出决定" });
    const decided = await reviewerA.case.get({ id });
    expect(decided.canEdit).toBe(false);
    const err = await trpcError(reviewerA.case.update({ id, version: decided.version, facts: "决定后再改。" }));
    expect(err.code).toBe("PRECONDITION_FAILED");
    expect(err.message).toMatch(/不能再修改/);
  });

  it("is only for writers of the case's unit", async () => {
    const { id } = await reviewerA.case.create(caseInput(t.tree.leafA1.id));
    expect(await outcomeOf(reviewerB.case.update({ id, version: 1, facts: "越权修改。" }))).toBe("NOT_FOUND"); // out of reading reach: like an unknown id (issue 13)
    expect(await outcomeOf(leaderA.case.update({ id, version: 1, facts: "越权修改。" }))).toBe("FORBIDDEN");
    expect(await outcomeOf(staffA1.case.update({ id, version: 1, facts: "越权修改。" }))).toBe("FORBIDDEN");
    expect((await leaderA.case.get({ id })).canEdit).toBe(false);
  });
});

describe("case.sourceOptions", () => {
  it("lists the unit's own records per source type, labelled, and only for writers of that unit", async () => {
    const unit = t.tree.leafA2;
    await setMembers(t.db, unit.id, 10);
    const today = todayInChina();
    const recent = (
      await admin.meeting.create(meetingInput(unit.id, { type: "org_life", date: today, criticalOpinions: 0, topic: "年度组织生活会" }))
    ).id;
    const plain = (await admin.meeting.create(meetingInput(unit.id, { date: today, topic: "党小组学习" }))).id;
    const old = (
      await admin.meeting.create(
        meetingInput(unit.id, { type: "org_life", date: "2020-05-10", criticalOpinions: 0, topic: "旧的组织生活会" }),
      )
    ).id;
    const elsewhere = (await admin.meeting.create(meetingInput(t.tree.leafA1.id, { date: today, topic: "别的支部" }))).id;
    const insp = (await reviewerA.inspection.create(inspection(unit.id, { inspectedOn: "2026-02-03", personName: "赵敏" }))).id;
    const [report] = await t.db.insert(reports).values({ unitId: unit.id, quarter: "2026Q1", status: "approved" }).returning();
    const [review] = await t.db
      .insert(reviewMeetings)
      .values({ unitId: t.tree.branchA.id, quarter: "2026Q1", title: "A局问责审议会" })
      .returning();
    const [reviewB] = await t.db
      .insert(reviewMeetings)
      .values({ unitId: t.tree.branchB.id, quarter: "2026Q1", title: "B局问责审议会" })
      .returning();
    const [reviewRoot] = await t.db
      .insert(reviewMeetings)
      .values({ unitId: t.tree.root.id, quarter: "2026Q1", title: "全市问责审议会" })
      .returning();

    const ids = (o: { id: number }[]) => o.map((x) => x.id);
    const meetingsOpt = await reviewerA.case.sourceOptions({ unitId: unit.id, sourceType: "meeting" });
    expect(ids(meetingsOpt)).toEqual(expect.arrayContaining([recent, plain]));
    expect(ids(meetingsOpt)).not.toContain(old); // older than four quarters
    expect(ids(meetingsOpt)).not.toContain(elsewhere);
    expect(meetingsOpt.find((o) => o.id === recent)!.label).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 组织生活会 · 年度组织生活会$/);

    const flagOpt = await reviewerA.case.sourceOptions({ unitId: unit.id, sourceType: "flag" });
    expect(ids(flagOpt)).toEqual([recent]); // the plain meeting raises no flag
    expect(flagOpt[0]!.flagKinds).toContain("zero_criticism");
    expect(flagOpt[0]!.label).toMatch(/零批评/);
    // A pre-filled older meeting stays listed.
    expect(ids(await reviewerA.case.sourceOptions({ unitId: unit.id, sourceType: "flag", includeId: old }))).toEqual([recent, old]);

    const inspOpt = await reviewerA.case.sourceOptions({ unitId: unit.id, sourceType: "inspection" });
    expect(inspOpt.find((o) => o.id === insp)!.label).toBe("2026年2月3日 书记 赵敏 · 不合格"); // dates as the Chinese page writes them, never ISO
    const reportOpt = await reviewerA.case.sourceOptions({ unitId: unit.id, sourceType: "report" });
    expect(reportOpt).toEqual([{ id: report!.id, label: "2026年第1季度 · 已审核" }]);

    // Review meetings over the unit that the caller may read: not branch B's, not the root's for a branch reviewer.
    expect(ids(await reviewerA.case.sourceOptions({ unitId: unit.id, sourceType: "review_meeting" }))).toEqual([review!.id]);
    expect(ids(await admin.case.sourceOptions({ unitId: unit.id, sourceType: "review_meeting" })).sort()).toEqual(
      [review!.id, reviewRoot!.id].sort(),
    );
    expect(ids(await admin.case.sourceOptions({ unitId: unit.id, sourceType: "review_meeting" }))).not.toContain(reviewB!.id);

    // English labels for an English page.
    const en = createCaller({ db: t.db, actor: await createActor(t.db, "reviewer", t.tree.branchA), locale: "en" });
    expect((await en.case.sourceOptions({ unitId: unit.id, sourceType: "inspection" })).find((o) => o.id === insp)!.label).toBe(
      "2026-02-03 Secretary 赵敏 · Fail",
    );

    // Scoped like case.create.
    expect(await outcomeOf(reviewerB.case.sourceOptions({ unitId: unit.id, sourceType: "meeting" }))).toBe("FORBIDDEN");
    expect(await outcomeOf(leaderA.case.sourceOptions({ unitId: unit.id, sourceType: "meeting" }))).toBe("FORBIDDEN");
    expect(await outcomeOf(staffA2.case.sourceOptions({ unitId: unit.id, sourceType: "inspection" }))).toBe("FORBIDDEN");
    expect((await fieldErrorsOf(reviewerA.case.sourceOptions({ unitId: unit.id, sourceType: "memo" as never }))).sourceType).toMatch(
      /来源类型无效/,
    );
  });
});
