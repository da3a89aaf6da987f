import "server-only";
import type { MeetingType, OfficerPost, ReportStatus } from "~/lib/codes";

/**
 * The sheets and columns of the Excel/CSV files the app writes and reads back. Headers are
 * the contract with the staff's spreadsheets: the importer finds columns by these names, so
 * users may reorder columns or add their own.
 */
export const sheetNames = { indicators: "指标", meetings: "会议", officers: "干部名册", help: "说明" } as const;

/** The pseudo indicator code of the business score row (业务考核得分). */
export const BUSINESS_SCORE = "BUSINESS_SCORE";
export const businessScoreName = "业务考核得分";

export const indicatorHeaders = {
  unitId: "单位编号",
  unitName: "单位名称",
  quarter: "季度",
  code: "指标代码",
  name: "指标名称",
  category: "类别",
  measure: "计量单位",
  target: "目标",
  value: "填报值",
} as const;

/** Extra columns of an export; the importer ignores them (export → import round trip). */
export const exportHeaders = { status: "状态", score: "得分", quality: "质量得分" } as const;

export const meetingHeaders = {
  id: "编号",
  unitId: "单位编号",
  date: "日期",
  type: "会议类型",
  expected: "应到人数",
  present: "实到人数",
  topic: "会议主题",
  solicitedOpinions: "会前征求意见",
  criticalOpinions: "批评意见条数",
  rectificationItems: "整改事项数",
  minutes: "会议记录",
} as const;

/** The officers roster (干部名册) sheet; 单位名称 is help for the reader, the importer goes by 单位编号. */
export const officerHeaders = {
  unitId: "单位编号",
  unitName: "单位名称",
  name: "姓名",
  post: "职务",
  fullTime: "专职",
  concurrentHead: "一肩挑",
  from: "任职开始",
  to: "任职结束",
} as const;

/** 职务 as the roster sheet spells the posts of lib/codes.ts `officerPosts`. */
export const officerPostNames: Record<OfficerPost, string> = { secretary: "书记", deputy_secretary: "副书记", member: "委员" };

export const meetingTypeNames: Record<MeetingType, string> = {
  branch_assembly: "支部党员大会",
  committee: "支部委员会会议",
  group: "党小组会",
  party_lecture: "党课",
  org_life: "组织生活会",
  democratic_life: "民主生活会",
  member_review: "民主评议党员",
};

export const statusNames: Record<ReportStatus, string> = {
  draft: "草稿",
  submitted: "已提交",
  approved: "已审核",
  returned: "已退回",
};

/** A header as typed by a person: spaces and a bracketed hint (“日期（YYYY-MM-DD）”) do not matter. */
export function normaliseHeader(text: string): string {
  return text
    .replace(/[（(][^）)]*[）)]/g, "")
    .replace(/\s+/g, "")
    .trim();
}
