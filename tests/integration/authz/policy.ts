import { eq } from "drizzle-orm";
import { assessmentCycles, importJobs, type Unit } from "~/db/schema";
import { defaultCycleRules } from "~/lib/assessment/rules";
import { meetingInput } from "../meeting-fixtures";
import { dutyCycle, dutyReview } from "./duty-review-fixtures";
import { AY, assessmentCycle, cycleOf, dutyReport, dutyText, freshCommentItem, officerOf, officerVersion, Y } from "./assessment-fixtures";
import { meetingDate, Q, type Fixtures } from "./fixtures";
import { rosterSheet } from "./officer-import-fixtures";
import {
  ADMIN,
  APPROVE,
  ASSESS,
  CASE,
  EVERYONE,
  READ,
  REVIEW,
  REVIEW_READ,
  SIMULATE,
  WRITE,
  type Refusal,
  type RoleReach,
  type Rule,
} from "./reach";

/**
 * THE AUTHORIZATION POLICY OF EVERY tRPC PROCEDURE — the table the matrix test
 * (./matrix.test.ts) checks the server against, and the documentation of who may do what.
 *
 * Callers sit at branchA of the test tree and are asked about five units:
 *   own = branchA, child = leafA1, parent = root, sibling = branchB, other = leafB1 (under branchB).
 *
 * A rule says how far each role reaches (`reach`) and what a caller outside it gets (`refusal`),
 * in the words of ./reach.ts.
 * The reaches are written out here on purpose instead of being read from server/scope.ts: a
 * change to the server's policy must show up as a failing test and a change to this table.
 * Every procedure needs a signed-in user: anonymous callers get UNAUTHORIZED from all of them.
 */

const onUnit = (reach: RoleReach, refusal: Refusal, input: Rule["input"]): Rule => ({ about: "unit", reach, refusal, input });
const system = (reach: RoleReach, input: Rule["input"] = () => undefined): Rule => ({
  about: "system",
  reach,
  refusal: "FORBIDDEN",
  input,
});

/** The scope message of a refused spreadsheet row (server/services/spreadsheet/plan-values.ts `writableUnit`). */
const scopeRowMessage = /无权导入单位编号/;
const spreadsheetJudge: Rule["judge"] = (r) => {
  if (r.ok) {
    const errors = (r.value as { errors?: { message: string }[] }).errors ?? [];
    return errors.some((e) => scopeRowMessage.test(e.message)) ? "ROW_REFUSED" : undefined;
  }
  const fieldErrors = (r.error as { cause?: { fieldErrors?: Record<string, string> } }).cause?.fieldErrors ?? {};
  return Object.values(fieldErrors).some((m) => scopeRowMessage.test(m)) ? "ROW_REFUSED" : undefined;
};
const sheetRule = (): Rule => ({ ...onUnit(WRITE, "ROW_REFUSED", (u, fx) => fx.sheet(u)), judge: spreadsheetJudge });

const range = { from: "2024Q1", to: "2025Q4" };

/** A finished import job started by a staff member of `u`. */
const importJobOf = (u: Unit, fx: Fixtures) =>
  fx.once(`importJob:${u.id}`, async () => {
    const owner = await fx.user(u, "importJob");
    const [job] = await fx.db
      .insert(importJobs)
      .values({ userId: owner.id, unitId: u.id, fileName: "授权测试.xlsx", status: "succeeded", phase: "done" })
      .returning({ id: importJobs.id });
    return { id: job!.id };
  });

/** The root is not graded: an admin asking about it passes the scope check and meets that rule instead. */
const rootNotGraded: Rule["judge"] = (r) => (!r.ok && /最上级党组织不参加等次评定/.test((r.error as Error).message) ? "ok" : undefined);
export const policyTable: Record<string, Rule> = {
  // ── the signed-in user ─────────────────────────────────────────────────────────────
  "me.get": system(EVERYONE),
  "todo.list": system(EVERYONE), // 待办: each role sees its own kind of work, computed from its scope
  "indicator.list": system(EVERYONE, () => ({ quarter: Q.read })),
  "indicator.categories": system(EVERYONE, () => ({ quarter: Q.read })),

  // ── the organisation tree (单位) ────────────────────────────────────────────────────
  "unit.tree": onUnit(READ, "FORBIDDEN", (u) => ({ rootId: u.id })),
  "unit.search": onUnit(READ, "FORBIDDEN", (u) => ({ query: u.name.slice(0, 2), rootId: u.id })), // the unit picker, within reach
  "unit.get": onUnit(READ, "PRIVATE", (u) => ({ id: u.id })), // the picker's chosen unit: outside reach it does not exist
  "unit.adminList": system(ADMIN),
  // A 党支部 holds no units: the admin passes the scope check and meets the tree rule instead.
  "unit.create": {
    ...onUnit(ADMIN, "FORBIDDEN", (u, fx) => ({
      parentId: u.id,
      name: `新建党支部 ${fx.next()}`,
      type: "branch",
      memberCount: 5,
      secretaryIsHead: false,
      fullTimeStaff: false,
    })),
    judge: (r) => (!r.ok && /其下不能再设下级单位/.test((r.error as Error).message) ? "ok" : undefined),
  },
  "unit.update": onUnit(ADMIN, "FORBIDDEN", (u) => ({ id: u.id, memberCount: u.memberCount })),
  "unit.move": onUnit(ADMIN, "FORBIDDEN", async (u, fx) => {
    const [a, b] = [await fx.freshUnit(u, "general_branch"), await fx.freshUnit(u)];
    return { id: b.id, parentId: a.id };
  }),
  "unit.movePreview": onUnit(ADMIN, "FORBIDDEN", (u) => ({ id: u.id })),
  "unit.setActive": onUnit(ADMIN, "FORBIDDEN", (u) => ({ id: u.id, active: true })),

  // ── user accounts (用户) ─────────────────────────────────────────────────────────────
  "user.list": onUnit(ADMIN, "FORBIDDEN", (u) => ({ unitId: u.id })),
  "user.create": onUnit(ADMIN, "FORBIDDEN", (u, fx) => ({
    username: `authz_${fx.next()}`,
    displayName: "新用户",
    role: "staff",
    unitId: u.id,
    password: "correct horse 1",
  })),
  "user.update": onUnit(ADMIN, "FORBIDDEN", async (u, fx) => ({ id: (await fx.user(u, "update")).id, displayName: "改名后的填报员" })),
  "user.resetPassword": onUnit(ADMIN, "FORBIDDEN", async (u, fx) => ({ id: (await fx.user(u, "reset")).id, password: "correct horse 2" })),
  "user.setActive": onUnit(ADMIN, "FORBIDDEN", async (u, fx) => ({ id: (await fx.user(u, "active")).id, active: true })),

  // ── quarterly reports (季度报表): 填报 → 提交 → 审核通过 | 退回; 解锁 is a lock exception ──
  "report.get": onUnit(READ, "FORBIDDEN", (u) => ({ unitId: u.id, quarter: Q.read })),
  "report.save": onUnit(WRITE, "FORBIDDEN", async (u, fx) => ({
    unitId: u.id,
    quarter: Q.save,
    version: await fx.reportVersion(u.id, Q.save),
    values: [{ indicatorCode: "V2_volunteer_rate", value: 55 }],
  })),
  "report.submit": onUnit(WRITE, "FORBIDDEN", (u, fx) => fx.report(u, Q.submit, "draft")),
  "report.approve": onUnit(APPROVE, "FORBIDDEN", (u, fx) => fx.report(u, Q.approve, "submitted")),
  "report.return": onUnit(APPROVE, "FORBIDDEN", async (u, fx) => ({
    ...(await fx.report(u, Q.return, "submitted")),
    reason: "数据有误，请核实",
  })),
  "report.nextToReview": system(EVERYONE), // an approver's own queue; empty for those who approve nothing
  "report.reopen": onUnit(ADMIN, "FORBIDDEN", async (u, fx) => ({ ...(await fx.report(u, Q.reopen, "approved")), reason: "更正录入错误" })),
  "completeness.get": onUnit(READ, "FORBIDDEN", (u) => ({ unitId: u.id, quarter: Q.read })),

  // ── Excel/CSV import (报表导入): the unit is in each row of the file ──────────────────
  "spreadsheet.preview": sheetRule(),
  "spreadsheet.import": sheetRule(),
  // A background import: anyone may start one (its rows are checked as above, inside the job);
  // a job is read by its owner or by whoever may read the owner's unit, else NOT_FOUND.
  "importJob.start": system(EVERYONE, (u, fx) => fx.sheet(u)),
  "importJob.get": onUnit(READ, "PRIVATE", importJobOf),
  "importJob.latest": system(EVERYONE),

  // ── meeting records (“三会一课”等会议记录) ──────────────────────────────────────────
  "meeting.create": onUnit(WRITE, "FORBIDDEN", (u) => meetingInput(u.id, { date: meetingDate })),
  "meeting.update": onUnit(WRITE, "PRIVATE", async (u, fx) => {
    const { id } = await fx.meeting(u, "update");
    const { unitId: _unitId, ...fields } = meetingInput(u.id, { date: meetingDate, topic: "更正后的会议主题" });
    return { id, version: await fx.meetingVersion(id), ...fields };
  }),
  // A fresh meeting per call: after one delete the next allowed caller would find nothing.
  "meeting.delete": onUnit(WRITE, "PRIVATE", async (u, fx) => ({ id: (await fx.freshMeeting(u)).id, version: 1 })),
  "meeting.list": onUnit(READ, "FORBIDDEN", (u) => ({ unitId: u.id, from: Q.meetings, to: Q.meetings })),
  "meeting.get": onUnit(READ, "PRIVATE", async (u, fx) => ({ id: (await fx.meeting(u, "get")).id })),
  "meeting.completion": onUnit(READ, "FORBIDDEN", (u) => ({ unitId: u.id, quarter: Q.meetings })),
  "meeting.flags": onUnit(READ, "FORBIDDEN", (u) => ({ unitId: u.id, from: Q.meetings, to: Q.meetings })),
  "meeting.flagsPage": onUnit(READ, "FORBIDDEN", (u) => ({ unitId: u.id, from: Q.meetings, to: Q.meetings })),
  // Read-only, but only for who records the unit's meetings: it answers about minutes being typed.
  "meeting.checkMinutes": onUnit(WRITE, "FORBIDDEN", (u) => ({
    unitId: u.id,
    date: meetingDate,
    minutes: "会议传达学习了上级文件精神，支部书记结合本支部实际作了部署，党员逐一发言。",
  })),

  // ── dashboards (看板) ────────────────────────────────────────────────────────────────
  "dashboard.overview": onUnit(READ, "FORBIDDEN", (u) => ({ unitId: u.id, ...range })),
  "dashboard.heatmap": onUnit(READ, "FORBIDDEN", (u) => ({ unitId: u.id, quarter: Q.read })),
  "dashboard.quadrant": onUnit(READ, "FORBIDDEN", (u) => ({ unitId: u.id, quarter: Q.read })),
  "dashboard.completeness": onUnit(READ, "FORBIDDEN", (u) => ({ unitId: u.id, quarter: Q.read })),
  "dashboard.meetingQuality": onUnit(READ, "FORBIDDEN", (u) => ({ unitId: u.id, ...range })),
  // 年度考核: the Party-building weight simulator compares units, so staff (who read one unit) are refused;
  // the annual dashboards read like any dashboard (staff: their own unit); adopting a weight is the admin's.
  "assessment.simulate": onUnit(SIMULATE, "FORBIDDEN", (u) => ({ year: 2024, unitId: u.id, partyWeight: 0.5 })),
  "assessment.simulatorSetup": onUnit(SIMULATE, "FORBIDDEN", (u) => ({ year: 2024, unitId: u.id })),
  "assessment.adoptPartyWeight": system(ADMIN, async (_u, fx) => {
    const year = 2031;
    await fx.db
      .insert(assessmentCycles)
      .values({ year, rules: defaultCycleRules(year) })
      .onConflictDoNothing();
    const [c] = await fx.db.select({ version: assessmentCycles.version }).from(assessmentCycles).where(eq(assessmentCycles.year, year));
    return { year, partyWeight: 0.4, version: c!.version };
  }),
  "assessment.gradeDistribution": onUnit(READ, "FORBIDDEN", (u) => ({ year: 2024, unitId: u.id })),
  "assessment.gradeChanges": onUnit(READ, "FORBIDDEN", (u) => ({ year: 2024, unitId: u.id })),
  "assessment.gradeQuadrant": onUnit(READ, "FORBIDDEN", (u) => ({ year: 2024, unitId: u.id })),

  // ── accountability cases (问责案件): by id, NOT_FOUND when the case is out of reading reach ──
  "case.create": onUnit(CASE, "FORBIDDEN", (u) => ({
    unitId: u.id,
    subject: "secretary",
    category: "leadership",
    rootCause: "poor_planning",
    form: "admonition",
    facts: "书记全年未讲党课。",
  })),
  "case.update": onUnit(CASE, "PRIVATE", async (u, fx) => {
    const { id } = await fx.case(u, "update");
    return { id, version: await fx.caseVersion(id), facts: "更正后的问题事实。" };
  }),
  "case.sourceOptions": onUnit(CASE, "FORBIDDEN", (u) => ({ unitId: u.id, sourceType: "meeting" })),
  "case.transition": onUnit(CASE, "PRIVATE", async (u, fx) => ({
    id: (await fx.case(u, "transition")).id,
    to: "investigating",
    comment: "开始调查核实",
  })),
  "case.list": onUnit(READ, "FORBIDDEN", (u) => ({ unitId: u.id })),
  "case.dashboard": onUnit(READ, "FORBIDDEN", (u) => ({ unitId: u.id, ...range })),
  "case.get": onUnit(READ, "PRIVATE", async (u, fx) => ({ id: (await fx.case(u, "get")).id })),
  "case.addItem": onUnit(CASE, "PRIVATE", async (u, fx) => ({
    caseId: (await fx.case(u, "addItem")).id,
    description: "建立组织生活会会前征求意见制度",
    owner: "支部书记",
    deadline: "2026-12-31",
  })),
  "case.completeItem": onUnit(CASE, "PRIVATE", async (u, fx) => ({ itemId: (await fx.item(u, "complete")).id })),

  // ── 一岗双责 inspections (一岗双责检查) ──────────────────────────────────────────────
  "inspection.create": onUnit(CASE, "FORBIDDEN", (u) => ({ unitId: u.id, inspectedOn: "2025-08-02", subject: "leader", result: "pass" })),
  "inspection.update": onUnit(CASE, "PRIVATE", async (u, fx) => {
    const { id } = await fx.inspection(u, "update");
    return {
      id,
      version: await fx.inspectionVersion(id),
      inspectedOn: "2025-08-01",
      subject: "secretary",
      result: "basic",
      findings: "学习记录不全",
    };
  }),
  // 撤回: like recording, until a case is opened from it (then PRECONDITION_FAILED, a refusal about the data).
  "inspection.withdraw": onUnit(CASE, "PRIVATE", async (u, fx) => {
    const { id } = await fx.inspection(u, "withdraw");
    return { id, version: await fx.inspectionVersion(id), reason: "误录，撤回" };
  }),
  "inspection.list": onUnit(READ, "FORBIDDEN", (u) => ({ unitId: u.id })),
  "inspection.get": onUnit(READ, "PRIVATE", async (u, fx) => ({ id: (await fx.inspection(u, "get")).id })),

  // ── annual assessment: the level above's 民主测评 and 点评, the unit's items (年度考核) ──
  "assessment.saveAppraisal": onUnit(ASSESS, "FORBIDDEN", async (u, fx) => {
    await assessmentCycle(fx);
    return { year: AY, unitId: u.id, voters: 20, good: 10, fairlyGood: 6, average: 3, poor: 1 };
  }),
  "assessment.saveComment": onUnit(ASSESS, "FORBIDDEN", async (u, fx) => {
    await assessmentCycle(fx);
    return {
      year: AY,
      unitId: u.id,
      text: "班子抓党建责任落实较好。",
      items: [{ content: "加强党员教育管理", deadline: `${AY + 1}-03-31` }],
    };
  }),
  // An item of the comment is the unit's to do: marked done with "write" (staff own unit, admin all).
  "assessment.markItemDone": onUnit(WRITE, "PRIVATE", async (u, fx) => ({ ...(await freshCommentItem(fx, u)), evidence: "已整改到位" })),
  "assessment.getUnitYear": onUnit(READ, "FORBIDDEN", async (u, fx) => {
    await assessmentCycle(fx);
    return { year: AY, unitId: u.id };
  }),
  "assessment.overdueItems": onUnit(READ, "FORBIDDEN", (u) => ({ unitId: u.id })),

  // ── annual assessment: duty reports (述职报告), written by the unit, decided by the level above ──
  "assessment.saveDutyReport": onUnit(WRITE, "FORBIDDEN", async (u, fx) => ({ ...(await dutyReport(fx, u, "draft")), text: dutyText(u) })),
  "assessment.submitDutyReport": onUnit(WRITE, "FORBIDDEN", (u, fx) => dutyReport(fx, u, "draft")),
  // Accepting or returning: after the first allowed caller the report is decided (PRECONDITION_FAILED, not a refusal).
  "assessment.acceptDutyReport": onUnit(ASSESS, "FORBIDDEN", (u, fx) => dutyReport(fx, u, "submitted")),
  "assessment.returnDutyReport": onUnit(ASSESS, "FORBIDDEN", async (u, fx) => ({
    ...(await dutyReport(fx, u, "submitted", "return")),
    reason: "请补充整改情况",
  })),
  "assessment.listDutyReports": onUnit(READ, "FORBIDDEN", async (u, fx) => {
    await assessmentCycle(fx);
    return { year: AY, unitId: u.id };
  }),

  // ── review meetings (问责审议会) ─────────────────────────────────────────────────────
  "review.propose": onUnit(REVIEW_READ, "FORBIDDEN", (u) => ({ unitId: u.id, quarter: Q.review })),
  "review.create": onUnit(REVIEW, "FORBIDDEN", (u, fx) => ({
    unitId: u.id,
    quarter: Q.review,
    title: `季度问责审议会 ${fx.next()}`,
    unitIds: [u.id],
  })),
  "review.updateAgenda": onUnit(REVIEW, "HIDDEN", async (u, fx) => {
    const { id } = await fx.review(u, "agenda", "planned");
    return { id, version: await fx.reviewVersion(id), items: [{ unitId: u.id }] };
  }),
  "review.start": onUnit(REVIEW, "HIDDEN", async (u, fx) => ({
    ...(await fx.review(u, "start", "planned")),
    attendees: "张三（书记）、李四",
  })),
  "review.decide": onUnit(REVIEW, "HIDDEN", async (u, fx) => ({
    id: (await fx.review(u, "decide", "running")).id,
    unitId: u.id,
    decision: "supervise",
    note: "督办整改",
  })),
  "review.saveNote": onUnit(REVIEW, "HIDDEN", async (u, fx) => ({
    id: (await fx.review(u, "note", "running")).id,
    unitId: u.id,
    note: `说明 ${fx.next()}`,
  })),
  "review.close": onUnit(REVIEW, "HIDDEN", async (u, fx) => fx.review(u, "close", "decided")),
  "review.get": onUnit(REVIEW_READ, "HIDDEN", async (u, fx) => fx.review(u, "get", "planned")),
  "review.list": onUnit(REVIEW_READ, "FORBIDDEN", (u) => ({ unitId: u.id })),
  // 述职评议会 (kind duty_review): a subtree and an assessment year, one slide per secretary.
  "review.proposeDuty": onUnit(REVIEW_READ, "FORBIDDEN", async (u, fx) => ({ unitId: u.id, year: await dutyCycle(fx) })),
  "review.createDuty": onUnit(REVIEW, "FORBIDDEN", async (u, fx) => ({
    unitId: u.id,
    year: await dutyCycle(fx),
    title: `述职评议会 ${fx.next()}`,
    unitIds: [u.id], // the root is not graded: BAD_REQUEST, a refusal of the data, never of the caller
  })),
  // Held by the level above the unit: a chair may grade it exactly where they assess it (below their own unit).
  "review.proposeGrade": onUnit(ASSESS, "HIDDEN", async (u, fx) => ({
    id: (await dutyReview(u, "grade", fx)).id,
    unitId: u.id,
    grade: "fairly_good",
  })),

  // ── annual assessment (年度考核): the cycle (admins), grades (read; set by the level above) ──
  "assessment.saveCycle": system(ADMIN, () => ({
    year: 2031,
    quotas: { good: 0.2 },
    weights: { quarterly: 0.6, appraisal: 0.3, inspections: 0.1 },
    partyWeight: 0.3,
  })),
  "assessment.moveCycle": system(ADMIN, async (_u, fx) => ({
    year: await cycleOf(fx, 2040 + fx.next(), "open"),
    to: "rating",
    version: 1,
  })),
  "assessment.cycle": system(EVERYONE, async (_u, fx) => ({ year: await cycleOf(fx, Y.rating, "rating") })),
  "assessment.cycles": system(EVERYONE),
  "assessment.grades": onUnit(READ, "FORBIDDEN", async (u, fx) => ({ year: await cycleOf(fx, Y.rating, "rating"), unitId: u.id })),
  "assessment.gradeQuota": onUnit(READ, "FORBIDDEN", async (u, fx) => ({ year: await cycleOf(fx, Y.rating, "rating"), unitId: u.id })),
  "assessment.publicity": system(EVERYONE, async (_u, fx) => ({ year: await cycleOf(fx, Y.publicised, "publicised") })),
  "assessment.setFinalGrade": {
    ...onUnit(ASSESS, "FORBIDDEN", async (u, fx) => ({
      year: await cycleOf(fx, Y.rating, "rating"),
      unitId: u.id,
      grade: "poor",
      reason: "授权测试：按评议会意见定为差",
    })),
    judge: rootNotGraded,
  },
  "assessment.proposeGrade": {
    ...onUnit(ASSESS, "FORBIDDEN", async (u, fx) => ({ year: await cycleOf(fx, Y.rating, "rating"), unitId: u.id, grade: "average" })),
    judge: rootNotGraded,
  },
  // ── officers (班子成员名册) and the secretary record (干部考察参考) ──────────────────────
  // The roster is kept by admins (capability manageAssessment, FORBIDDEN to anyone else, whichever unit);
  // it and a person's record are read by whoever reads the unit (the record: one of the person's units).
  "officer.list": onUnit(READ, "FORBIDDEN", (u) => ({ unitId: u.id })),
  "officer.secretaryOn": onUnit(READ, "FORBIDDEN", (u) => ({ unitId: u.id, date: "2025-06-01" })),
  "officer.create": onUnit(ADMIN, "FORBIDDEN", (u, fx) => ({
    unitId: u.id,
    name: `授权测试委员 ${fx.next()}`,
    post: "member",
    fullTime: false,
    concurrentHead: false,
    from: "2024-01-01",
  })),
  "officer.update": onUnit(ADMIN, "FORBIDDEN", async (u, fx) => {
    const { id } = await officerOf(u, fx, "update");
    return {
      id,
      version: await officerVersion(fx, id),
      name: "授权测试委员",
      post: "member",
      fullTime: true,
      concurrentHead: false,
      from: "2024-01-01",
    };
  }),
  "officer.end": onUnit(ADMIN, "FORBIDDEN", async (u, fx) => ({ id: (await officerOf(u, fx, "end")).id, to: "2025-12-31" })),
  "officer.people": system(ADMIN, () => ({ query: "授权" })),
  "officer.record": onUnit(READ, "PRIVATE", async (u, fx) => ({ id: (await officerOf(u, fx, "record")).id })),
  "officer.addOutcome": onUnit(ADMIN, "FORBIDDEN", async (u, fx) => ({
    id: (await officerOf(u, fx, "outcome")).id,
    kind: "commended",
    decidedOn: "2025-03-01",
    year: 2024,
    note: "",
  })),
  // The roster file (干部名册导入): admins only, before the file is even read; its rows' units are checked per row.
  "officer.previewImport": onUnit(ADMIN, "FORBIDDEN", rosterSheet),
  "officer.import": onUnit(ADMIN, "FORBIDDEN", rosterSheet),

  // ── administration without a unit (系统管理) ─────────────────────────────────────────
  "audit.search": onUnit(ADMIN, "FORBIDDEN", (u) => ({ unitId: u.id })),
  "settings.get": system(ADMIN),
  "settings.deadlineRules": system(ADMIN),
  "settings.update": system(ADMIN, async (_u, fx) => ({
    key: "reportDeadlineDays",
    value: 15,
    version: await fx.settingVersion("reportDeadlineDays"),
  })),
  "catalogue.list": system(ADMIN),
  "catalogue.createIndicator": system(ADMIN, (_u, fx) => ({
    code: `AZ_new_${fx.next()}`,
    categoryCode: "methods",
    kind: "count",
    validFrom: Q.rules,
    direction: "higher",
    target: 1,
    weight: 1,
    required: false,
    nameZh: "新增测试指标",
    nameEn: "New probe",
    unitZh: "",
    unitEn: "",
    helpZh: "",
    helpEn: "",
  })),
  "catalogue.updateTexts": system(ADMIN, async (_u, fx) => ({ code: await fx.indicator(), nameZh: "授权测试指标（改）" })),
  "catalogue.setRules": system(ADMIN, async (_u, fx) => ({
    code: await fx.indicator(),
    validFrom: Q.rules,
    direction: "higher",
    target: 2,
    weight: 1,
    required: false,
  })),
  "catalogue.retire": system(ADMIN, async (_u, fx) => ({ code: await fx.indicator(), fromQuarter: "2027Q1" })),
  "catalogue.unretire": system(ADMIN, async (_u, fx) => ({ code: await fx.indicator() })),
  "catalogue.setCategoryWeight": system(ADMIN, () => ({ categoryCode: "methods", validFrom: Q.rules, weight: 1 })),
};

/**
 * THE FILE ROUTES (outside tRPC, app/api/export/*): the same table for the downloads, checked by
 * ./file-routes.test.ts. A caller outside the reach gets 403 FORBIDDEN (the unit is named in
 * the query), an anonymous one 401; both leave an `authz.refused` audit row under these names.
 */
export const fileRoutePolicy = {
  /** GET /api/export/template?unit&quarter[&subtree=1]: the pre-filled import template of a unit the caller reads. */
  "export.template": { about: "unit", reach: READ },
  /** GET /api/export/reports?unit&from&to&format: the reports of a subtree the caller reads. */
  "export.reports": { about: "unit", reach: READ },
  /** GET /api/export/officers?unit: the officers roster template of a subtree — admins only. */
  "export.officers": { about: "unit", reach: ADMIN },
  /** POST /api/export/chart: the rows a chart already drew for the caller, as .xlsx; no unit. */
  "export.chart": { about: "system", reach: EVERYONE },
} as const satisfies Record<string, { about: Rule["about"]; reach: RoleReach }>;
