import type { Db, Tx } from "~/db/client";
import { categories, categoryWeights, indicators, indicatorVersions } from "~/db/schema";
import type { CatalogueCategory, CatalogueIndicator } from "~/db/types";

export type { CatalogueCategory, CatalogueIndicator };

/** The quarter from which the seeded rules apply: the beginning of time. */
export const BASELINE_QUARTER = "0000Q1";


type NewIndicator = Omit<CatalogueIndicator, "sortOrder" | "source" | "required" | "direction" | "helpEn"> &
  Partial<Pick<CatalogueIndicator, "source" | "required" | "direction" | "helpEn">>;

/** The six problem categories, in dashboard order (DESIGN.md). */
export const starterCategories: CatalogueCategory[] = [
  { code: "leadership", nameZh: "“一把手”重视不够", nameEn: "Leadership neglect", weight: 1, sortOrder: 1 },
  { code: "vanguard", nameZh: "党员先锋作用", nameEn: "Members' vanguard role", weight: 1, sortOrder: 2 },
  { code: "inner_life", nameZh: "党内政治生活", nameEn: "Inner-Party life", weight: 1, sortOrder: 3 },
  { code: "two_skins", nameZh: "党建业务融合", nameEn: "Party work and business", weight: 1, sortOrder: 4 },
  { code: "methods", nameZh: "党建方法创新", nameEn: "Methods", weight: 1, sortOrder: 5 },
  { code: "responsibility", nameZh: "党建责任落实", nameEn: "Responsibility system", weight: 1, sortOrder: 6 },
];

/** The starter indicator catalogue of DESIGN.md (admin-editable after seeding). */
const list: NewIndicator[] = [
  // leadership — “一把手”政绩观偏差、领导不重视党建
  { code: "L1_topic_meetings", categoryCode: "leadership", nameZh: "党组织专题研究党建工作次数", nameEn: "Meetings on Party building", unitZh: "次", unitEn: "times", kind: "count", target: 1, weight: 1, required: true, helpZh: "本季度党组织（党组）会议专题研究党建工作的次数，每季度至少1次。", helpEn: "Times this quarter the Party organisation (leading group) met specifically on Party building; at least once a quarter." },
  { code: "L2_secretary_lectures", categoryCode: "leadership", nameZh: "书记讲党课次数", nameEn: "Party lectures by the secretary", unitZh: "次", unitEn: "times", kind: "count", target: 1, weight: 1, helpZh: "党组织书记本季度亲自讲党课的次数。", helpEn: "Party lectures given in person by the secretary this quarter." },
  { code: "L3_plan_fits", categoryCode: "leadership", nameZh: "党建工作计划结合实际", nameEn: "Party-building plan fits reality", unitZh: "是/否", unitEn: "yes/no", kind: "boolean", target: 1, weight: 1, helpZh: "年度党建工作计划是否结合本单位实际制定并落实（1=是，0=否）。", helpEn: "Is the annual Party-building plan drawn up for this unit's actual situation and carried out? (1 = yes, 0 = no)" },
  { code: "L4_secretary_review", categoryCode: "leadership", nameZh: "书记抓党建述职评议得分", nameEn: "Secretary's Party-building review score", unitZh: "分", unitEn: "points", kind: "score", target: 90, weight: 2, helpZh: "书记抓基层党建工作述职评议的得分（0–100）。", helpEn: "Score of the secretary's report-and-review on grass-roots Party building (0–100)." },
  // vanguard — 党员先锋模范作用发挥不明显
  { code: "V1_attendance_rate", categoryCode: "vanguard", nameZh: "党员参加组织生活平均出勤率", nameEn: "Members' attendance at Party life", unitZh: "%", unitEn: "%", kind: "rate", target: 90, weight: 2, required: true, helpZh: "本季度党员参加组织生活的平均出勤率（0–100%）。", helpEn: "Average attendance of members at organisational life this quarter (0–100 %)." },
  { code: "V2_volunteer_rate", categoryCode: "vanguard", nameZh: "党员志愿服务参与率", nameEn: "Members in volunteer service", unitZh: "%", unitEn: "%", kind: "rate", target: 80, weight: 1, helpZh: "本季度参加志愿服务的党员占党员总数的比例。", helpEn: "Share of members who took part in volunteer service this quarter." },
  { code: "V3_model_posts", categoryCode: "vanguard", nameZh: "党员示范岗/责任区数", nameEn: "Model posts / responsibility zones", unitZh: "个", unitEn: "posts", kind: "count", target: 2, weight: 1, helpZh: "设立并运行的党员示范岗、党员责任区数量。", helpEn: "Member model posts and responsibility zones set up and running." },
  { code: "V4_violations", categoryCode: "vanguard", nameZh: "违纪违法党员人数", nameEn: "Members violating discipline or law", unitZh: "人", unitEn: "persons", kind: "count", direction: "lower", target: 0, weight: 2, helpZh: "本季度受到党纪政务处分或违法的党员人数，越少越好。", helpEn: "Members given Party or administrative sanctions, or who broke the law, this quarter; fewer is better." },
  // inner_life — 党内政治生活庸俗化、组织生活形式化
  { code: "I1_three_one_rate", categoryCode: "inner_life", nameZh: "“三会一课”完成率", nameEn: "“Three meetings, one lecture” completion", unitZh: "%", unitEn: "%", kind: "rate", target: 100, weight: 2, required: true, source: "meetings", helpZh: "按规定频次应开的支部党员大会、支委会、党小组会和党课中实际召开的比例。", helpEn: "Share of the required branch assemblies, committee meetings, group meetings and lectures actually held." },
  { code: "I2_life_meeting_quality", categoryCode: "inner_life", nameZh: "组织生活会/民主生活会质量评分", nameEn: "Quality of org-life / democratic-life meetings", unitZh: "分", unitEn: "points", kind: "score", target: 85, weight: 2, source: "meetings", helpZh: "按评分细则（出勤、会前准备、批评意见、整改事项、记录质量）得出的会议质量分。", helpEn: "Meeting quality from the rubric (attendance, preparation, criticism, rectification items, minutes)." },
  { code: "I3_critical_opinions", categoryCode: "inner_life", nameZh: "批评意见条数", nameEn: "Critical opinions raised", unitZh: "条", unitEn: "items", kind: "count", target: 10, weight: 1, helpZh: "组织生活会上提出的自我批评和相互批评意见条数。", helpEn: "Self-criticisms and mutual criticisms raised at organisational-life meetings." },
  { code: "I4_member_review", categoryCode: "inner_life", nameZh: "民主评议党员开展", nameEn: "Democratic review of members held", unitZh: "是/否", unitEn: "yes/no", kind: "boolean", target: 1, weight: 1, helpZh: "本年度是否已开展民主评议党员（1=是，0=否）。", helpEn: "Has the democratic review of members been held this year? (1 = yes, 0 = no)" },
  // two_skins — 党建与业务“两张皮”
  { code: "T1_joint_planning", categoryCode: "two_skins", nameZh: "党建与业务同部署同考核", nameEn: "Party work planned and assessed with business", unitZh: "是/否", unitEn: "yes/no", kind: "boolean", target: 1, weight: 2, required: true, helpZh: "党建工作是否与业务工作同部署、同落实、同考核（1=是，0=否）。", helpEn: "Is Party work planned, carried out and assessed together with the business? (1 = yes, 0 = no)" },
  { code: "T2_fusion_projects", categoryCode: "two_skins", nameZh: "党建+业务融合项目数", nameEn: "Party-and-business projects", unitZh: "个", unitEn: "projects", kind: "count", target: 2, weight: 1, helpZh: "正在推进的“党建+业务”融合项目数量。", helpEn: "“Party building + business” projects under way." },
  { code: "T3_typical_cases", categoryCode: "two_skins", nameZh: "党建促业务典型事例", nameEn: "Cases of Party work advancing business", unitZh: "个", unitEn: "cases", kind: "count", target: 1, weight: 1, helpZh: "本季度形成的党建促进业务发展的典型事例数量。", helpEn: "Typical cases this quarter of Party work advancing the business." },
  // methods — 党建手段单一、方法陈旧
  { code: "M1_themed_activities", categoryCode: "methods", nameZh: "创新活动/主题实践活动数", nameEn: "Innovative / themed activities", unitZh: "次", unitEn: "activities", kind: "count", target: 1, weight: 1, helpZh: "每年开展1–2次主题实践活动，折合每季度目标约为0.5次，此处以每季度1次计。", helpEn: "Themed practice activities: 1–2 a year; counted here against one a quarter." },
  { code: "M2_education_forms", categoryCode: "methods", nameZh: "教育形式种类数", nameEn: "Forms of Party education", unitZh: "种", unitEn: "forms", kind: "count", target: 3, weight: 1, helpZh: "本季度采用的党员教育形式种类（集中学习、现场教学、线上学习、研讨交流等）。", helpEn: "Forms of member education used this quarter (study sessions, on-site teaching, online, seminars …)." },
  { code: "M3_training_hours", categoryCode: "methods", nameZh: "党务干部培训学时", nameEn: "Training hours of Party-affairs staff", unitZh: "学时", unitEn: "hours", kind: "count", target: 8, weight: 1, helpZh: "本季度党务干部参加业务培训的学时数。", helpEn: "Training hours of Party-affairs staff this quarter." },
  // responsibility — 党建责任制落实不到位、考核激励不足
  { code: "R1_assessment_weight", categoryCode: "responsibility", nameZh: "党建在绩效考核中的权重", nameEn: "Weight of Party building in assessment", unitZh: "%", unitEn: "%", kind: "rate", target: 30, weight: 2, required: true, helpZh: "党建工作在本单位绩效考核总分中所占的比重（0–100%）。", helpEn: "Weight of Party building in the unit's performance assessment (0–100 %)." },
  { code: "R2_dual_duty_checks", categoryCode: "responsibility", nameZh: "“一岗双责”督查次数", nameEn: "“One post, two duties” inspections", unitZh: "次", unitEn: "times", kind: "count", target: 1, weight: 1, helpZh: "本季度开展“一岗双责”落实情况督查的次数。", helpEn: "Inspections of “one post, two duties” this quarter." },
  { code: "R3_rectification_rate", categoryCode: "responsibility", nameZh: "整改事项按期完成率", nameEn: "Rectifications done on time", unitZh: "%", unitEn: "%", kind: "rate", target: 100, weight: 2, helpZh: "到期整改事项中按期完成的比例（0–100%）。", helpEn: "Share of rectification items due that were completed on time (0–100 %)." },
  { code: "R4_accountability_cases", categoryCode: "responsibility", nameZh: "问责案件数", nameEn: "Accountability cases", unitZh: "件", unitEn: "cases", kind: "count", direction: "lower", target: 0, weight: 1, source: "cases", helpZh: "本季度因党建责任落实不到位被问责的案件数，越少越好。", helpEn: "Accountability cases this quarter for failing Party-building duties; fewer is better." },
];

export const starterIndicators: CatalogueIndicator[] = list.map((i, n) => ({
  direction: "higher",
  required: false,
  source: "manual",
  helpEn: "",
  ...i,
  sortOrder: n + 1,
}));

/** Inserts the categories and starter indicators with their baseline rules; existing rows are left alone. */
export async function ensureBaseCatalogue(db: Db | Tx): Promise<void> {
  await db
    .insert(categories)
    .values(starterCategories.map(({ weight: _w, ...c }) => c))
    .onConflictDoNothing();
  await db
    .insert(categoryWeights)
    .values(starterCategories.map((c) => ({ categoryCode: c.code, validFrom: BASELINE_QUARTER, weight: c.weight })))
    .onConflictDoNothing();
  await db
    .insert(indicators)
    .values(starterIndicators.map(({ direction: _d, target: _t, weight: _w, required: _r, ...i }) => i))
    .onConflictDoNothing();
  await db
    .insert(indicatorVersions)
    .values(
      starterIndicators.map((i) => ({
        indicatorCode: i.code,
        validFrom: BASELINE_QUARTER,
        direction: i.direction,
        target: i.target,
        weight: i.weight,
        required: i.required,
      })),
    )
    .onConflictDoNothing();
}
