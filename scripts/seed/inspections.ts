import { and, eq, isNull } from "drizzle-orm";
import type { InspectionResult, InspectionSubject } from "~/lib/codes";
import type { Tx } from "~/db/client";
import { auditLog, cases, inspections } from "~/db/schema";
import type { DemoUnit } from "~/scripts/seed/demo-tree";

const DAY = 24 * 3600 * 1000;
const beijingDate = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(d);
const quarterOf = (date: string) => `${date.slice(0, 4)}Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

type Plan = { subject: InspectionSubject; result: InspectionResult; findings: string; reported: boolean; daysAgo: number };

type Profile = "strong" | "weak" | "bizFirst";

/** Routine checks: the k-th plan of a profile goes to its k-th unit. Strong units pass, weak ones scrape through. */
const routine: (Plan & { profile: Profile })[] = [
  {
    profile: "strong",
    subject: "secretary",
    result: "pass",
    findings: "书记每季度专题研究党建工作，述职评议中党建内容充实。",
    reported: true,
    daysAgo: 200,
  },
  { profile: "strong", subject: "leader", result: "pass", findings: "", reported: true, daysAgo: 40 },
  {
    profile: "strong",
    subject: "leader",
    result: "pass",
    findings: "分管领导把党建工作列入分管工作清单，按季度听取汇报。",
    reported: true,
    daysAgo: 95,
  },
  {
    profile: "weak",
    subject: "leader",
    result: "basic",
    findings: "分管领导能过问分管科室党建，但未列入分管工作清单，检查记录不全。",
    reported: true,
    daysAgo: 150,
  },
  {
    profile: "weak",
    subject: "secretary",
    result: "basic",
    findings: "书记讲党课一次，未结合单位业务，党建工作计划照搬上级文件。",
    reported: false,
    daysAgo: 25,
  },
  {
    profile: "weak",
    subject: "secretary",
    result: "fail",
    findings: "书记未履行第一责任人职责，全年未主持召开组织生活会。",
    reported: false,
    daysAgo: 12,
  },
  {
    profile: "bizFirst",
    subject: "secretary",
    result: "basic",
    findings: "年度考核中党建权重不足 5%，书记抓党建述职以业务成绩代替。",
    reported: true,
    daysAgo: 60,
  },
];
const staffPlan: Plan = {
  subject: "secretary",
  result: "pass",
  findings: "支部书记按期主持三会一课，落实一岗双责情况良好。",
  reported: true,
  daysAgo: 70,
};

const findingsFor = (facts: string) => facts.replace(/^一岗双责检查发现：/, "");
/** Names of the people checked, one per inspection, so no two units share a secretary. */
const names = ["刘洋", "陈刚", "杨帆", "周明", "吴倩", "郑海", "冯立", "何斌", "孙丽", "马骏", "朱琳", "胡涛", "高峰", "林娟"];

/**
 * Demo 一岗双责 inspections (run after the cases): each demo case whose source is an inspection
 * gets the failed (or basic) inspection that triggered it — same unit, two weeks before the case
 * was opened — and is linked to it; plus routine inspections of strong, weak and 重业务轻党建 units
 * and the staff user's unit, over the last year. The reviewer is the inspector.
 */
export async function seedInspections(tx: Tx, tree: DemoUnit[], staffUnitId: number, reviewerId: number | null, now: Date) {
  if (!reviewerId) return 0;
  let n = 0;
  const insert = async (unitId: number, p: Plan, on: Date) => {
    const inspectedOn = beijingDate(on);
    const [row] = await tx
      .insert(inspections)
      .values({
        unitId,
        inspectedOn,
        quarter: quarterOf(inspectedOn),
        subject: p.subject,
        personName: names[n % names.length]!,
        inspectorId: reviewerId,
        result: p.result,
        findings: p.findings,
        reportedUpward: p.reported,
        createdAt: on,
        createdBy: reviewerId,
        updatedAt: on,
        updatedBy: reviewerId,
      })
      .returning({ id: inspections.id });
    if (!row) throw new Error("inspection insert returned no row");
    n++;
    return row.id;
  };

  const linked = await tx
    .select()
    .from(cases)
    .where(and(eq(cases.sourceType, "inspection"), isNull(cases.sourceId)))
    .orderBy(cases.id);
  for (const [i, c] of linked.entries()) {
    const subject: InspectionSubject = c.subject === "leader" ? "leader" : "secretary";
    const plan: Plan = { subject, result: i === 0 ? "fail" : "basic", findings: findingsFor(c.facts), reported: true, daysAgo: 0 };
    const id = await insert(c.unitId, plan, new Date(c.createdAt.getTime() - 14 * DAY));
    await tx.update(cases).set({ sourceId: id }).where(eq(cases.id, c.id));
  }

  const seen = new Map<Profile, number>();
  for (const p of routine) {
    const k = seen.get(p.profile) ?? 0;
    seen.set(p.profile, k + 1);
    const unit = tree.filter((u) => u.profile === p.profile)[k];
    if (unit) await insert(unit.id, p, new Date(now.getTime() - p.daysAgo * DAY));
  }
  await insert(staffUnitId, staffPlan, new Date(now.getTime() - staffPlan.daysAgo * DAY));
  await tx
    .insert(auditLog)
    .values({ actorId: null, action: "seed.inspections", entity: "system", after: { inspections: n, linkedCases: linked.length } });
  return n;
}
