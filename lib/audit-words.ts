/**
 * The words of the audit log, shared by the page that renders an entry as a sentence
 * (app/(app)/admin/audit/describe.ts) and the search that turns a person's words back into
 * codes (server/services/audit/search-words.ts): which message holds the label of a field's value, and which codes
 * a field can hold. Pure; no database, usable in the browser.
 */
import {
  caseForms,
  caseSourceTypes,
  caseStatuses,
  caseSubjects,
  categoryCodes,
  assessmentCycleStatuses,
  directions,
  dutyReportStatuses,
  grades,
  indicatorKinds,
  inspectionResults,
  meetingTypes,
  officerPosts,
  reportStatuses,
  reviewDecisions,
  reviewMeetingKinds,
  reviewMeetingStatuses,
  roles,
  rootCauses,
  unitTypes,
} from "~/lib/codes";

export type EnumWords = { prefix: string; codes: readonly string[] };

const signInReasons = ["throttled", "bad_credentials", "inactive"] as const;
const refusalCodes = ["FORBIDDEN", "UNAUTHORIZED", "NOT_FOUND"] as const;
const categories: EnumWords = { prefix: "categories", codes: categoryCodes };

/** The message prefix and codes of a field whose value is a code, for entries about `entity`; null for other fields. */
export function enumWords(entity: string, field: string): EnumWords | null {
  switch (field) {
    case "status":
      if (entity === "case") return { prefix: "cases.statuses", codes: caseStatuses };
      if (entity === "report") return { prefix: "status", codes: reportStatuses };
      if (entity === "review_meeting") return { prefix: "review.statuses", codes: reviewMeetingStatuses };
      if (entity === "assessmentCycle") return { prefix: "assessmentGrades.statusName", codes: assessmentCycleStatuses };
      if (entity === "duty_report") return { prefix: "dutyReview.reportStatuses", codes: dutyReportStatuses };
      return null;
    case "computed":
    case "proposed":
    case "final":
    case "grade":
      return { prefix: "grades", codes: grades };
    case "post":
      return { prefix: "officers.posts", codes: officerPosts };
    case "category":
    case "categoryCode":
      return categories;
    case "rootCause":
      return { prefix: "cases.rootCauses", codes: rootCauses };
    case "form":
      return { prefix: "cases.forms", codes: caseForms };
    case "subject":
      return { prefix: "cases.subjects", codes: caseSubjects };
    case "sourceType":
      return { prefix: "cases.sourceTypes", codes: caseSourceTypes };
    case "type":
      if (entity === "meeting") return { prefix: "meetings.types", codes: meetingTypes };
      if (entity === "unit") return { prefix: "adminUnits.types", codes: unitTypes };
      return null;
    case "role":
      return { prefix: "app.roles", codes: roles };
    case "result":
      return { prefix: "inspections.results", codes: inspectionResults };
    case "decision":
      return { prefix: "review.decisions", codes: reviewDecisions };
    case "kind":
      if (entity === "review_meeting") return { prefix: "dutyReview.kind", codes: reviewMeetingKinds };
      return entity === "indicator" ? { prefix: "adminCatalogue.kinds", codes: indicatorKinds } : null;
    case "direction":
      return { prefix: "adminCatalogue.directions", codes: directions };
    case "reason":
      return entity === "user" ? { prefix: "auditWords.signInReasons", codes: signInReasons } : null;
    case "code":
      return entity === "procedure" ? { prefix: "auditWords.refusalCodes", codes: refusalCodes } : null;
    default:
      return null;
  }
}

/** Every (entity, field) pair whose values are codes, for the search; `null` entity = any entity. */
export const enumFields: { entity: string | null; field: string }[] = [
  { entity: "case", field: "status" },
  { entity: "report", field: "status" },
  { entity: "review_meeting", field: "status" },
  { entity: null, field: "category" },
  { entity: null, field: "categoryCode" },
  { entity: null, field: "rootCause" },
  { entity: null, field: "form" },
  { entity: null, field: "subject" },
  { entity: null, field: "sourceType" },
  { entity: "meeting", field: "type" },
  { entity: "unit", field: "type" },
  { entity: null, field: "role" },
  { entity: null, field: "result" },
  { entity: null, field: "decision" },
  { entity: "indicator", field: "kind" },
  { entity: null, field: "direction" },
  { entity: "user", field: "reason" },
  { entity: "procedure", field: "code" },
  { entity: "assessmentCycle", field: "status" },
  { entity: "duty_report", field: "status" },
  { entity: null, field: "computed" },
  { entity: null, field: "proposed" },
  { entity: null, field: "final" },
  { entity: null, field: "grade" },
  { entity: null, field: "post" },
  { entity: "review_meeting", field: "kind" },
];

/** The message naming an entity or action: this area's additions first, then the audit page's own labels. */
export const labelKeys = (kind: "entities" | "actions", code: string) => [`auditWords.${kind}.${code}`, `adminAudit.${kind}.${code}`];

/** The entities an entry can be about (`auditLog.entity`). */
export const entityCodes = [
  "report",
  "case",
  "meeting",
  "inspection",
  "review_meeting",
  "duty_report",
  "appraisal",
  "assessment_comment",
  "assessment_item",
  "assessmentCycle",
  "assessmentGrade",
  "officer",
  "unit",
  "user",
  "indicator",
  "category",
  "setting",
  "procedure",
  "system",
] as const;

/** The sentence key of an action (`auditWords.sentences.<action>`). */
export const sentenceKey = (action: string) => `auditWords.sentences.${action}`;
