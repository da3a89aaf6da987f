import "server-only";
import type { AssessmentCycleStatus, Grade, VetoCode } from "~/lib/codes";

// Words for codes inside server messages, passed as {xZh} and {xEn} values so each language's half reads in words.

export const gradeZh: Record<Grade, string> = { good: "好", fairly_good: "较好", average: "一般", poor: "差" };
export const gradeEn: Record<Grade, string> = {
  good: "好 (good)",
  fairly_good: "较好 (fairly good)",
  average: "一般 (average)",
  poor: "差 (poor)",
};

export const vetoZh: Record<VetoCode, string> = {
  secretary_admonition: "书记受到诫勉及以上问责",
  unit_reorganised: "党组织被改组",
  inspection_failed: "一岗双责检查不合格",
  duty_report_missing: "未提交述职报告",
  duty_report_copied: "述职报告雷同",
};
export const vetoEn: Record<VetoCode, string> = {
  secretary_admonition: "secretary admonished or worse",
  unit_reorganised: "organisation reorganised",
  inspection_failed: "failed 一岗双责 inspection",
  duty_report_missing: "no duty report submitted",
  duty_report_copied: "copied duty report",
};

export const statusZh: Record<AssessmentCycleStatus, string> = {
  open: "述职阶段",
  rating: "评定阶段",
  publicised: "公示阶段",
  final: "已结束",
};
export const statusEn: Record<AssessmentCycleStatus, string> = {
  open: "duty reports",
  rating: "rating",
  publicised: "publicity",
  final: "final",
};
