import type { CaseForm, CaseSourceType, CaseStatus, CaseSubject, CategoryCode, FlagKind, RootCause } from "~/lib/codes";
import { caseStatuses } from "~/lib/codes";
import type { Tx } from "~/db/client";
import { auditLog, caseEvents, cases, rectificationItems } from "~/db/schema";
import type { DemoUnit } from "~/scripts/seed/demo-tree";
import type { DemoMeeting } from "~/scripts/seed/meetings";

/** One demo case; the unit is the n-th 重业务轻党建 unit, the source found among its meetings. */
type Plan = {
  subject: CaseSubject;
  form: CaseForm;
  category: CategoryCode;
  rootCause: RootCause;
  status: CaseStatus;
  facts: string;
  source: "zero_criticism" | "low_attendance" | "meeting" | "inspection" | "review_meeting";
  /** Deadlines in days from now (negative = passed), and whether each is done. */
  items: [number, boolean][];
};

const plans: Plan[] = [
  {
    subject: "organisation",
    form: "notice",
    category: "inner_life",
    rootCause: "misperception",
    status: "rectifying",
    source: "zero_criticism",
    facts: "组织生活会批评意见为零，相互批评“只表扬不批评”，会议流于形式。",
    items: [
      [-20, false],
      [30, false],
    ],
  },
  {
    subject: "secretary",
    form: "admonition",
    category: "leadership",
    rootCause: "misperception",
    status: "decided",
    source: "review_meeting",
    facts: "书记全年未讲党课，党建工作计划照搬上级文件，业务会议挤占组织生活时间。",
    items: [],
  },
  {
    subject: "organisation",
    form: "inspection",
    category: "inner_life",
    rootCause: "poor_planning",
    status: "investigating",
    source: "low_attendance",
    facts: "党员大会实到人数不足三分之二，多名党员以业务繁忙为由长期缺席。",
    items: [],
  },
  {
    subject: "leader",
    form: "notice",
    category: "two_skins",
    rootCause: "unclear_orientation",
    status: "rectifying",
    source: "inspection",
    facts: "一岗双责检查发现：分管领导只抓业务指标，分管科室党建工作无人过问。",
    items: [
      [-45, false],
      [-10, true],
      [15, false],
    ],
  },
  {
    subject: "secretary",
    form: "notice",
    category: "responsibility",
    rootCause: "unclear_orientation",
    status: "closed",
    source: "review_meeting",
    facts: "党建工作在年度考核中权重不足5%，书记抓党建述职评议得分偏低。",
    items: [
      [-60, true],
      [-30, true],
    ],
  },
  {
    subject: "organisation",
    form: "notice",
    category: "inner_life",
    rootCause: "part_time_staff",
    status: "opened",
    source: "zero_criticism",
    facts: "民主生活会未开展批评与自我批评，会前未征求意见。",
    items: [],
  },
  {
    subject: "member",
    form: "discipline",
    category: "vanguard",
    rootCause: "misperception",
    status: "decided",
    source: "meeting",
    facts: "党员连续六个月无正当理由不参加组织生活、不交纳党费。",
    items: [],
  },
  {
    subject: "leader",
    form: "admonition",
    category: "methods",
    rootCause: "inexperience",
    status: "rectifying",
    source: "inspection",
    facts: "新任班子成员对党建工作方法不熟悉，主题党日活动内容单一、以读文件代替学习。",
    items: [[-5, false]],
  },
  {
    subject: "organisation",
    form: "reorganisation",
    category: "responsibility",
    rootCause: "poor_planning",
    status: "investigating",
    source: "low_attendance",
    facts: "支部长期未按期换届，支委会形同虚设，组织生活出勤率持续偏低。",
    items: [],
  },
  {
    subject: "secretary",
    form: "org_adjustment",
    category: "leadership",
    rootCause: "misperception",
    status: "closed",
    source: "review_meeting",
    facts: "书记以业务工作代替党建工作，多次在会上表示“党建是软任务”。",
    items: [],
  },
  {
    subject: "organisation",
    form: "notice",
    category: "inner_life",
    rootCause: "part_time_staff",
    status: "opened",
    source: "meeting",
    facts: "三会一课集中在季度末突击召开，会议记录雷同。",
    items: [],
  },
  {
    subject: "leader",
    form: "notice",
    category: "two_skins",
    rootCause: "unclear_orientation",
    status: "rectifying",
    source: "inspection",
    facts: "党建与业务“两张皮”：业务科室创先争优活动与中心工作脱节。",
    items: [
      [-90, false],
      [-3, true],
    ],
  },
];

const statusZh: Record<CaseStatus, string> = {
  opened: "立案",
  investigating: "调查核实",
  decided: "作出问责决定",
  rectifying: "整改中",
  closed: "整改销号",
};
const DAY = 24 * 3600 * 1000;
const beijingDate = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(d);
const quarterOf = (date: string) => `${date.slice(0, 4)}Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
const lifeTypes = new Set(["org_life", "democratic_life"]);

function findSource(
  plan: Plan,
  unitId: number,
  rows: DemoMeeting[],
  ids: number[],
): { type: CaseSourceType; id: number | null; kind?: FlagKind } {
  const pick = (test: (m: DemoMeeting) => boolean) => {
    for (let i = rows.length - 1; i >= 0; i--) if (rows[i]!.unitId === unitId && test(rows[i]!)) return ids[i]!;
    return null;
  };
  if (plan.source === "zero_criticism" || plan.source === "low_attendance") {
    const id =
      plan.source === "zero_criticism"
        ? pick((m) => lifeTypes.has(m.type) && m.criticalOpinions === 0)
        : pick((m) => m.present * 3 < m.expected * 2);
    if (id !== null) return { type: "flag", id, kind: plan.source };
    // This unit's meetings raised no such flag: link the latest meeting instead.
    return { type: "meeting", id: pick(() => true) };
  }
  if (plan.source === "meeting") return { type: "meeting", id: pick(() => true) };
  return { type: plan.source, id: null };
}

/**
 * Demo accountability cases on the 重业务轻党建 units (DESIGN.md): across all statuses, linked to
 * their meetings and formalism flags, some with overdue rectification items. Timelines are
 * back-dated so each case reads as a plausible history ending before `now`.
 */
export async function seedCases(
  tx: Tx,
  tree: DemoUnit[],
  meetingRows: DemoMeeting[],
  meetingIds: number[],
  reviewerId: number | null,
  now: Date,
) {
  const targets = tree.filter((u) => u.profile === "bizFirst");
  if (targets.length === 0) return 0;
  let n = 0;
  for (const [i, plan] of plans.entries()) {
    const unit = targets[i % targets.length]!;
    const source = findSource(plan, unit.id, meetingRows, meetingIds);
    const steps = caseStatuses.slice(0, caseStatuses.indexOf(plan.status) + 1).filter((s) => s !== "rectifying" || plan.items.length > 0);
    const openedAt = new Date(now.getTime() - (120 - i * 7) * DAY);
    const [row] = await tx
      .insert(cases)
      .values({
        unitId: unit.id,
        subject: plan.subject,
        category: plan.category,
        rootCause: plan.rootCause,
        form: plan.form,
        facts: plan.facts,
        status: plan.status,
        sourceType: source.type,
        sourceId: source.id,
        sourceDetail: source.kind ? { flagKind: source.kind } : null,
        quarter: quarterOf(beijingDate(openedAt)),
        version: steps.length,
        createdAt: openedAt,
        createdBy: reviewerId,
        updatedAt: new Date(openedAt.getTime() + (steps.length - 1) * 10 * DAY),
      })
      .returning({ id: cases.id });
    if (!row) throw new Error("case insert returned no row");
    await tx.insert(caseEvents).values(
      steps.map((s, k) => ({
        caseId: row.id,
        at: new Date(openedAt.getTime() + k * 10 * DAY),
        actorId: reviewerId,
        fromStatus: k === 0 ? null : steps[k - 1]!,
        toStatus: s,
        comment: k === 0 ? "立案" : `转入“${statusZh[s]}”阶段`,
      })),
    );
    if (plan.items.length > 0) {
      await tx.insert(rectificationItems).values(
        plan.items.map(([days, done], k) => ({
          caseId: row.id,
          description: ["制定整改方案并报机关党委备案", "补开专题组织生活会", "开展党务干部专题培训"][k % 3]!,
          owner: ["支部书记", "组织委员", "宣传委员"][k % 3]!,
          deadline: beijingDate(new Date(now.getTime() + days * DAY)),
          doneAt: done || plan.status === "closed" ? new Date(now.getTime() + Math.min(days, 0) * DAY - DAY) : null,
          doneBy: done || plan.status === "closed" ? reviewerId : null,
        })),
      );
    }
    n++;
  }
  await tx.insert(auditLog).values({ actorId: null, action: "seed.cases", entity: "system", after: { cases: n } });
  return n;
}
