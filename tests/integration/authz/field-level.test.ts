import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { cases, inspections, meetings, reports, reviewAgendaItems, users } from "~/db/schema";
import { saveReportSchema } from "~/server/services/report/schemas";
import { callerFor, createActor } from "../../factories";
import { meetingInput } from "../meeting-fixtures";
import { workbook } from "../spreadsheet-fixtures";
import { useTreeDb } from "../test-db";
import { fieldErrorsOf, outcomeOf } from "../trpc-expect";
import { Fixtures, meetingDate } from "./fixtures";

/**
 * Field-level authorization (issue #7.1): nothing in an input lets a caller set what only the
 * workflow sets (a report's status, a case's status) or reach another unit through a nested
 * id — extra keys are stripped by the schemas, and every id that names a record is checked
 * against the unit the call is scoped to.
 */
const t = useTreeDb();
let fx: Fixtures;
type Caller = ReturnType<typeof callerFor>;
let staff: Caller; // at leafA1
let staffId: number;
let reviewer: Caller; // at branchA: cases, inspections and review meetings of leafA1 and leafA2

const Q = "2025Q3";
const leafB1Value = { indicatorCode: "V2_volunteer_rate", value: 40 };

beforeAll(async () => {
  fx = await Fixtures.create(t.db, t.tree);
  const staffActor = await createActor(t.db, "staff", t.tree.leafA1);
  staffId = staffActor.id;
  staff = callerFor(t.db, staffActor);
  reviewer = callerFor(t.db, await createActor(t.db, "reviewer", t.tree.branchA));
  await fx.admin.report.save({ unitId: t.tree.leafB1.id, quarter: Q, version: 0, values: [leafB1Value] });
});

const storedReport = async (unitId: number, quarter = Q) =>
  (
    await t.db
      .select()
      .from(reports)
      .where(and(eq(reports.unitId, unitId), eq(reports.quarter, quarter)))
  )[0];
/** The typed-in volunteer rate of a unit's report (computed indicators are left out). */
const volunteerRate = async (unitId: number) =>
  (await fx.admin.report.get({ unitId, quarter: Q })).values.find((v) => v.indicatorCode === leafB1Value.indicatorCode)?.value;

describe("a report's status is set by the workflow only", () => {
  it("report.save drops a status, a reviewer and an approval time sent along, and the report stays a draft", async () => {
    const sent = {
      unitId: t.tree.leafA1.id,
      quarter: Q,
      version: 0,
      values: [],
      status: "approved",
      reviewedBy: staffId,
      reviewedAt: new Date(),
    };
    expect(saveReportSchema.parse(sent)).not.toHaveProperty("status");
    await staff.report.save(sent);
    expect(await storedReport(t.tree.leafA1.id)).toMatchObject({ status: "draft", reviewedBy: null, reviewedAt: null, version: 1 });
  });

  it("report.submit ignores a status in the input: the report becomes submitted, never approved", async () => {
    const key = await fx.report(t.tree.leafA1, "2025Q1", "draft");
    expect(await staff.report.submit({ ...key, status: "approved" } as never)).toMatchObject({ status: "submitted" });
    expect((await storedReport(t.tree.leafA1.id, "2025Q1"))?.status).toBe("submitted");
    // …and approving it is not the staff's to do.
    expect(await outcomeOf(staff.report.approve(key))).toBe("FORBIDDEN");
  });
});

describe("another unit cannot be reached through a nested input", () => {
  it("report.save: a unitId or reportId inside a value is dropped; the value lands in the caller's own report", async () => {
    const other = await storedReport(t.tree.leafB1.id);
    const unitId = t.tree.leafA1.id;
    const version = (await staff.report.get({ unitId, quarter: Q })).version;
    await staff.report.save({
      unitId,
      quarter: Q,
      version,
      values: [{ indicatorCode: "V2_volunteer_rate", value: 77, unitId: t.tree.leafB1.id, reportId: other!.id } as never],
    });
    expect(await volunteerRate(unitId)).toBe(77);
    expect(await volunteerRate(t.tree.leafB1.id)).toBe(leafB1Value.value);
  });

  it("spreadsheet.import: a row of another unit refuses the whole file, naming that row's 单位编号; nothing is saved", async () => {
    const file = await workbook([
      [t.tree.leafA1.id, "2025Q2", "V2_volunteer_rate", 61],
      [t.tree.leafB1.id, Q, "V2_volunteer_rate", 99],
    ]);
    const errors = await fieldErrorsOf(staff.spreadsheet.import(file));
    expect(Object.keys(errors)).toEqual(["指标!3!单位编号"]);
    expect(errors["指标!3!单位编号"]).toContain("无权导入");
    expect(await storedReport(t.tree.leafA1.id, "2025Q2")).toBeUndefined();
    expect(await volunteerRate(t.tree.leafB1.id)).toBe(leafB1Value.value);
  });

  it("spreadsheet.import: a meeting row cannot take over another unit's meeting by its 编号", async () => {
    const { id: foreign } = await fx.meeting(t.tree.leafB1, "field-level");
    const before = (await t.db.select().from(meetings).where(eq(meetings.id, foreign)))[0]!;
    const row = (unitId: number) => [foreign, unitId, meetingDate, "党小组会", 10, 9, "改写他人会议", "是", 1, 0, "记录"];
    for (const [unitId, column] of [
      [t.tree.leafA1.id, "编号"], // own unit named, someone else's meeting id
      [t.tree.leafB1.id, "单位编号"], // the meeting's own unit named: not the caller's to write
    ] as const) {
      const errors = await fieldErrorsOf(staff.spreadsheet.import(await workbook([], [row(unitId)])));
      expect(Object.keys(errors)).toEqual([`会议!2!${column}`]);
    }
    expect((await t.db.select().from(meetings).where(eq(meetings.id, foreign)))[0]).toEqual(before);
  });

  it("meeting.update and meeting.create: a unitId sent along does not move the meeting", async () => {
    const { id } = await staff.meeting.create({ ...meetingInput(t.tree.leafA1.id, { date: meetingDate }), id: 1, createdBy: 1 } as never);
    const { unitId: _u, ...fields } = meetingInput(t.tree.leafA1.id, { date: meetingDate, topic: "改过的主题" });
    await staff.meeting.update({ id, version: 1, ...fields, unitId: t.tree.leafB1.id } as never);
    const [row] = await t.db.select().from(meetings).where(eq(meetings.id, id));
    expect(row).toMatchObject({ unitId: t.tree.leafA1.id, topic: "改过的主题", createdBy: staffId });
  });

  it("case.create: the source must be a record of the case's own unit", async () => {
    const base = {
      unitId: t.tree.leafA1.id,
      subject: "organisation",
      category: "inner_life",
      rootCause: "misperception",
      form: "notice",
      facts: "会议记录雷同。",
    } as const;
    const foreignMeeting = (await fx.meeting(t.tree.leafA2, "source")).id; // same branch, another unit
    const foreignInspection = (await fx.inspection(t.tree.leafB1, "source")).id;
    const foreignReview = (await fx.review(t.tree.branchB, "source", "planned")).id; // reviews branchB's subtree
    const foreignReport = (await storedReport(t.tree.leafB1.id))!.id;
    for (const source of [
      { sourceType: "meeting", sourceId: foreignMeeting },
      { sourceType: "flag", sourceId: foreignMeeting, flagKind: "low_attendance" },
      { sourceType: "inspection", sourceId: foreignInspection },
      { sourceType: "review_meeting", sourceId: foreignReview },
      { sourceType: "report", sourceId: foreignReport },
    ] as const) {
      expect(Object.keys(await fieldErrorsOf(reviewer.case.create({ ...base, ...source }))), source.sourceType).toEqual(["sourceId"]);
    }
    expect(await t.db.select().from(cases)).toEqual([]);
  });

  it("case.update: a unitId or status sent along changes neither", async () => {
    const { id } = await reviewer.case.create({
      unitId: t.tree.leafA1.id,
      subject: "secretary",
      category: "leadership",
      rootCause: "misperception",
      form: "notice",
      facts: "未讲党课。",
    });
    await reviewer.case.update({ id, version: 1, facts: "全年未讲党课。", unitId: t.tree.leafB1.id, status: "closed" } as never);
    expect((await t.db.select().from(cases).where(eq(cases.id, id)))[0]).toMatchObject({
      unitId: t.tree.leafA1.id,
      status: "opened",
      facts: "全年未讲党课。",
    });
  });

  it("inspection.update: a unitId or inspector sent along changes neither", async () => {
    const { id } = await reviewer.inspection.create({
      unitId: t.tree.leafA1.id,
      inspectedOn: "2025-08-01",
      subject: "secretary",
      result: "pass",
    });
    const [before] = await t.db.select().from(inspections).where(eq(inspections.id, id));
    await reviewer.inspection.update({
      id,
      version: 1,
      inspectedOn: "2025-08-01",
      subject: "secretary",
      result: "fail",
      findings: "未落实一岗双责",
      unitId: t.tree.leafB1.id,
      inspectorId: staffId,
    } as never);
    expect((await t.db.select().from(inspections).where(eq(inspections.id, id)))[0]).toMatchObject({
      unitId: t.tree.leafA1.id,
      inspectorId: before!.inspectorId,
      result: "fail",
    });
  });

  it("review meetings: the agenda holds units of the meeting's subtree only, and a 立案 decision opens the case on the agenda's unit", async () => {
    const outside = t.tree.leafB1.id;
    const create = { unitId: t.tree.branchA.id, quarter: Q, title: "A局问责审议会" };
    expect(Object.keys(await fieldErrorsOf(reviewer.review.create({ ...create, unitIds: [t.tree.leafA1.id, outside] })))).toEqual([
      "unitIds",
    ]);
    const { id, version } = await reviewer.review.create({ ...create, unitIds: [t.tree.leafA1.id] });
    expect(
      Object.keys(
        await fieldErrorsOf(reviewer.review.updateAgenda({ id, version, items: [{ unitId: t.tree.leafA1.id }, { unitId: outside }] })),
      ),
    ).toEqual(["items"]);
    await reviewer.review.start({ id });
    expect(Object.keys(await fieldErrorsOf(reviewer.review.decide({ id, unitId: outside, decision: "talk", note: "" })))).toEqual([
      "unitId",
    ]);
    const caseDetails = {
      subject: "secretary",
      category: "leadership",
      rootCause: "misperception",
      form: "notice",
      facts: "连续两季度得分最低。",
      unitId: outside,
    } as const;
    const { caseId } = await reviewer.review.decide({
      id,
      unitId: t.tree.leafA1.id,
      decision: "case",
      note: "立案",
      case: caseDetails,
    });
    expect((await t.db.select().from(cases).where(eq(cases.id, caseId!)))[0]).toMatchObject({
      unitId: t.tree.leafA1.id,
      sourceType: "review_meeting",
      sourceId: id,
    });
    expect(
      await t.db.select({ unitId: reviewAgendaItems.unitId }).from(reviewAgendaItems).where(eq(reviewAgendaItems.meetingId, id)),
    ).toEqual([{ unitId: t.tree.leafA1.id }]);
  });

  it("user.update: staff cannot give themselves another role or unit", async () => {
    expect(await outcomeOf(staff.user.update({ id: staffId, role: "admin", unitId: t.tree.root.id }))).toBe("FORBIDDEN");
    expect((await t.db.select().from(users).where(eq(users.id, staffId)))[0]).toMatchObject({ role: "staff", unitId: t.tree.leafA1.id });
  });
});
