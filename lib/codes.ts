/**
 * Stable codes of the domain (DESIGN.md), free of any database import so that client
 * components can use them too. The schema builds its enums from these.
 */

// A module of their own: the dashboards' browser code needs only these (the bundler keeps a module whole).
export { categoryCodes, type CategoryCode } from "./category-codes";

export const roles = ["admin", "leader", "reviewer", "staff"] as const;
export type Role = (typeof roles)[number];

/** 党委 / 党总支 / 党支部 / 部门 */
export const unitTypes = ["committee", "general_branch", "branch", "department"] as const;
export type UnitType = (typeof unitTypes)[number];

export const indicatorKinds = ["count", "rate", "score", "boolean"] as const;
export type IndicatorKind = (typeof indicatorKinds)[number];
export const directions = ["higher", "lower"] as const;
export type Direction = (typeof directions)[number];
/** Where a value comes from: typed in, or computed from meetings / cases. */
export const indicatorSources = ["manual", "meetings", "cases"] as const;

export const reportStatuses = ["draft", "submitted", "approved", "returned"] as const;
export type ReportStatus = (typeof reportStatuses)[number];

/** Meeting types (“三会一课” and others), DESIGN.md "Meetings". */
export const meetingTypes = [
  "branch_assembly", // 支部党员大会
  "committee", // 支部委员会会议
  "group", // 党小组会
  "party_lecture", // 党课
  "org_life", // 组织生活会
  "democratic_life", // 民主生活会 (leadership teams)
  "member_review", // 民主评议党员
] as const;
export type MeetingType = (typeof meetingTypes)[number];

/** The four of “三会一课” (three meetings, one lecture), whose completion feeds the inner_life indicator. */
export const threeMeetingsOneLecture: readonly MeetingType[] = ["branch_assembly", "committee", "group", "party_lecture"];

/** Formalism flags (形式主义预警), DESIGN.md. */
export const flagKinds = ["copied_minutes", "zero_criticism", "low_attendance", "quarter_end_bunching", "copied_duty_report"] as const;
export type FlagKind = (typeof flagKinds)[number];

/** Who an accountability case is about (问责对象): the Party organisation itself or a person by role. */
export const caseSubjects = ["organisation", "secretary", "leader", "member"] as const;
export type CaseSubject = (typeof caseSubjects)[number];

/** Forms of accountability, 《中国共产党问责条例》(2019) art. 8. */
export const caseForms = ["inspection", "notice", "reorganisation", "admonition", "org_adjustment", "discipline"] as const;
export type CaseForm = (typeof caseForms)[number];

/**
 * Which forms fit which subject. Art. 8 lists 检查/通报/改组 for Party organisations and
 * 通报/诫勉/组织调整或组织处理/纪律处分 for leading cadres (书记, 班子成员). A plain member (普通党员)
 * is not a target of the 问责条例 — they are dealt with under the discipline regulations — so a
 * `member` case may only carry `discipline` (纪律处分).
 */
export const formsBySubject: Record<CaseSubject, readonly CaseForm[]> = {
  organisation: ["inspection", "notice", "reorganisation"],
  secretary: ["notice", "admonition", "org_adjustment", "discipline"],
  leader: ["notice", "admonition", "org_adjustment", "discipline"],
  member: ["discipline"],
};

/** 立案 → 调查核实 → 作出问责决定 → 整改中 → 整改销号 */
export const caseStatuses = ["opened", "investigating", "decided", "rectifying", "closed"] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** Root causes (根源), DESIGN.md. */
export const rootCauses = ["misperception", "unclear_orientation", "poor_planning", "part_time_staff", "inexperience"] as const;
export type RootCause = (typeof rootCauses)[number];

/** What triggered a case: a quarterly report finding, a formalism flag, a meeting, a 一岗双责 inspection, a review meeting. */
export const caseSourceTypes = ["report", "flag", "meeting", "inspection", "review_meeting"] as const;
export type CaseSourceType = (typeof caseSourceTypes)[number];

/** Review meetings (问责审议会): planned → running → closed. */
export const reviewMeetingStatuses = ["planned", "running", "closed"] as const;
export type ReviewMeetingStatus = (typeof reviewMeetingStatuses)[number];

/** Why the app proposes a unit for review. */
export const reviewReasons = ["low_score", "business_over_party", "formalism_flags", "overdue_rectification"] as const;
export type ReviewReason = (typeof reviewReasons)[number];

/** A decision on one unit in a review meeting: 不作处理 / 约谈提醒 / 督办 / 立案问责. */
export const reviewDecisions = ["no_action", "talk", "supervise", "case"] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];

/** Who a 一岗双责 inspection checked: the secretary (第一责任人) or a leadership member (班子成员), as in `caseSubjects`. */
export const inspectionSubjects = ["secretary", "leader"] as const satisfies readonly CaseSubject[];
export type InspectionSubject = (typeof inspectionSubjects)[number];

/** Result of a 一岗双责 inspection: 合格 / 基本合格 / 不合格. */
export const inspectionResults = ["pass", "basic", "fail"] as const;
export type InspectionResult = (typeof inspectionResults)[number];

// ── Annual assessment (年度考核), DESIGN.md "Annual assessment" ─────────────────────────────

/** Posts on a unit's Party committee (班子成员): 书记 / 副书记 / 委员. */
export const officerPosts = ["secretary", "deputy_secretary", "member"] as const;
export type OfficerPost = (typeof officerPosts)[number];

/** What the department decided about an officer (干部使用): 提拔 / 表彰 / 调整. */
export const officerOutcomeKinds = ["promoted", "commended", "adjusted"] as const;
export type OfficerOutcomeKind = (typeof officerOutcomeKinds)[number];

/** The yearly cycle: 述职 (duty reports written) → 评议 (ballots, comments, grades) → 公示 → 定级 (read-only). */
export const assessmentCycleStatuses = ["open", "rating", "publicised", "final"] as const;
export type AssessmentCycleStatus = (typeof assessmentCycleStatuses)[number];

/** A duty report (述职报告) moves like a quarterly report: draft → submitted → accepted | returned → submitted again. */
export const dutyReportStatuses = ["draft", "submitted", "returned", "accepted"] as const;
export type DutyReportStatus = (typeof dutyReportStatuses)[number];

/** Grades (分类定级), best first: 好 / 较好 / 一般 / 差. */
export const grades = ["good", "fairly_good", "average", "poor"] as const;
export type Grade = (typeof grades)[number];

/**
 * Veto rules (一票否决 / 限定等次) a cycle may switch on, each capping the grade at `cap`:
 * - secretary_admonition: a decided case of 诫勉 or heavier against the secretary (书记被诫勉及以上问责)
 * - unit_reorganised: a decided case of 改组 (or heavier) against the organisation
 * - inspection_failed: a 一岗双责 inspection of the secretary found 不合格 in the year
 * - duty_report_missing: no duty report submitted for the year (未述职)
 * - duty_report_copied: the duty report is flagged as copied (述职报告雷同)
 */
export const vetoCodes = [
  "secretary_admonition",
  "unit_reorganised",
  "inspection_failed",
  "duty_report_missing",
  "duty_report_copied",
] as const;
export type VetoCode = (typeof vetoCodes)[number];

/** A review meeting is an accountability review (问责审议会) or a duty-report review (述职评议会, one slide per secretary). */
export const reviewMeetingKinds = ["accountability", "duty_review"] as const;
export type ReviewMeetingKind = (typeof reviewMeetingKinds)[number];
