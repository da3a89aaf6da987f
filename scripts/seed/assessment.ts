import type { Tx } from "~/db/client";
import type { DutyReportStatus, InspectionResult, OfficerOutcomeKind } from "~/lib/codes";
import {
  appraisals,
  assessmentComments,
  assessmentCycles,
  assessmentItems,
  auditLog,
  dutyReportAnswers,
  dutyReports,
  inspections,
  officerOutcomes,
} from "~/db/schema";
import { defaultCycleRules } from "~/lib/assessment/rules";
import { belowSql } from "~/server/scope";
import { loadYearScores } from "~/server/services/assessment/year-scores";
import { refreshDutyReportCopy } from "~/server/services/assessment/duty-copy";
import type { DemoUnit } from "~/scripts/seed/demo-tree";
import {
  answerEvidence,
  composeComment,
  composeDutyReport,
  disguisedCopy,
  itemPool,
  nearCopy,
  type DutyFacts,
} from "~/scripts/seed/duty-report-text";
import { businessOf } from "~/scripts/seed/meetings";
import { beijingDate, beijingYear, movedSecretaryFrom, replacedSecretaryAt, type SeededOfficers } from "~/scripts/seed/officers";
import { makeRng, type Rng } from "~/scripts/seed/scale/rng";

/**
 * The demo's annual assessment (DESIGN.md "Annual assessment"), after the officers and the
 * rollups: the last finished year's cycle, final, with every graded unit's accepted duty report,
 * ballots (worse where Party building scored low) and the superior's comment with 1–3
 * rectification items due in the first half of this year; 一岗双责 inspections of a dozen
 * secretaries (one failed); outcomes (提拔/表彰/调整) for eight
 * secretaries, two of the promoted from the 重业务轻党建 quadrant; this year's cycle, open, with
 * duty reports from about a third of the units answering last year's items — one a disguised
 * copy of another unit's, one a near-copy of the unit's own last report. The grades of the last
 * year are NOT written here: the caller freezes them (freezeGrades) after this runs.
 */

/** This year's report that disguises another unit's (a 重业务轻党建 branch copying its neighbour). */
export const disguisedCopyUnit = "市交通运输局综合规划科党支部";
export const disguisedSourceUnit = "市交通运输局公路管理科党支部";
/** This year's report that recycles the unit's own last report. */
export const nearCopyUnit = "市计量测试所党支部";

const outcomePlan: { unit: string; kind: OfficerOutcomeKind; note: string }[] = [
  { unit: movedSecretaryFrom, kind: "promoted", note: "提拔任市教育考试院副院长，兼任党总支书记" },
  { unit: "市市场监管局登记注册科党支部", kind: "promoted", note: "提拔任市市场监管局副调研员" },
  { unit: "市卫生健康监督所第一党支部", kind: "promoted", note: "提拔任市卫生健康监督所副所长" },
  { unit: "市财政局绩效评价科党支部", kind: "commended", note: "评为全市机关优秀党务工作者" },
  { unit: "市教育局基础教育科党支部", kind: "commended", note: "评为全市机关优秀党务工作者" },
  { unit: "市卫生健康委疾病预防控制处党支部", kind: "commended", note: "所在支部评为先进基层党组织" },
  { unit: replacedSecretaryAt, kind: "adjusted", note: "年度考核一般，调整不再担任支部书记" },
  { unit: "市交通运输综合行政执法支队第三大队党支部", kind: "adjusted", note: "调整为支部委员，加强党务培训" },
];

const DAY = 86_400_000;
const inspectionFindings = {
  pass: "书记按期主持三会一课，带头讲党课，落实一岗双责情况良好。",
  basic: "书记能履行抓党建职责，但专题研究党建工作次数偏少，谈心谈话记录不全。",
  fail: "书记全年未专题研究党建工作，未讲党课，党建工作责任清单未落实。",
} as const;
/** 0–1 from a Party-building composite (40 → 0, 95 → 1): what the ballots and texts lean on. */
export const partyStrength = (composite: number) => Math.min(1, Math.max(0, (composite - 40) / 55));
const at = (date: string, hour = 10) => new Date(Date.parse(`${date}T${String(hour).padStart(2, "0")}:00:00+08:00`));

export type SeedAssessmentInput = {
  tree: DemoUnit[];
  officers: SeededOfficers;
  staffUnitId: number;
  /** Who opened and closed the cycles (an admin), and who entered ballots and comments and decided reports (the level above). */
  adminId: number | null;
  reviewerId: number | null;
  now: Date;
};

export async function seedAssessment(tx: Tx, input: SeedAssessmentInput): Promise<{ lastYear: number; currentYear: number }> {
  const { tree, officers, staffUnitId, adminId, reviewerId, now } = input;
  const rng = makeRng(0xa55e_55ed);
  const currentYear = beijingYear(now);
  const lastYear = currentYear - 1;
  const cap = (d: Date) => (d.getTime() > now.getTime() ? new Date(now.getTime()) : d);
  const capDate = (date: string) => (date > beijingDate(now) ? beijingDate(now) : date);
  const root = tree[0]!;
  const graded = tree.filter((u) => u.parentId !== null);

  // The secretary tenure (id and name) of a unit on a date.
  const secretaryOn = (unitId: number, date: string) => {
    const t = officers.tenures.find(
      (x) => x.unitId === unitId && x.post === "secretary" && x.fromDate <= date && (x.toDate === null || x.toDate >= date),
    );
    if (!t) throw new Error(`no secretary of unit ${unitId} on ${date}`);
    return { id: officers.tenureIds[t.key]!, personId: officers.personIds[t.personKey]!, name: officers.names[t.personKey]! };
  };
  const scores = await loadYearScores(tx, lastYear, belowSql("u", root));
  const factsOf = (u: DemoUnit, year: number, date: string): DutyFacts => {
    const party = scores.get(u.id)?.party ?? 60;
    return {
      year,
      unitName: u.name,
      business: businessOf(u.name),
      secretary: secretaryOn(u.id, date).name,
      members: Math.max(3, Math.min(u.memberCount, 40)),
      strength: partyStrength(party),
    };
  };

  // ── The cycles ──
  const lastRules = { ...defaultCycleRules(lastYear), publicityFrom: `${currentYear}-02-01`, publicityTo: `${currentYear}-02-07` };
  await tx.insert(assessmentCycles).values([
    {
      year: lastYear,
      status: "final",
      rules: lastRules,
      partyWeight: 0.3,
      version: 4,
      openedAt: at(`${lastYear}-11-01`),
      openedBy: adminId,
      updatedAt: cap(at(`${currentYear}-02-10`, 16)),
      updatedBy: adminId,
      finalisedAt: cap(at(`${currentYear}-02-10`, 16)),
    },
    {
      year: currentYear,
      status: "open",
      rules: defaultCycleRules(currentYear),
      partyWeight: 0.3,
      openedAt: cap(at(`${currentYear}-03-01`)),
      openedBy: adminId,
      updatedAt: cap(at(`${currentYear}-03-01`)),
      updatedBy: adminId,
    },
  ]);

  // ── Last year: duty reports, all accepted, written in order of submission ──
  const yearEnd = `${lastYear}-12-31`;
  const lastTexts = new Map<number, string>();
  const lastPlan = graded
    // Submitted in the first half of January; most weak units after the deadline (20 January: 逾期).
    .map((u) => ({ u, late: u.profile === "weak" && rng.chance(0.7), days: rng.between(0, 13) }))
    .map(({ u, late, days }) => ({
      u,
      submitted: cap(new Date(at(`${currentYear}-01-02`, 9).getTime() + (late ? days / 2 + 19 : days) * DAY)),
    }))
    .sort((a, b) => a.submitted.getTime() - b.submitted.getTime() || a.u.id - b.u.id);
  for (const { u, submitted } of lastPlan) {
    const facts = factsOf(u, lastYear, yearEnd);
    const text = composeDutyReport(facts, rng);
    lastTexts.set(u.id, text);
    const decided = cap(new Date(submitted.getTime() + rng.between(1, 6) * DAY));
    const [row] = await tx
      .insert(dutyReports)
      .values({
        year: lastYear,
        unitId: u.id,
        officerId: secretaryOn(u.id, yearEnd).id,
        text,
        status: "accepted",
        version: 3,
        submittedAt: submitted,
        decidedAt: decided,
        decidedBy: reviewerId,
        createdAt: at(`${lastYear}-12-${String(rng.int(10, 28)).padStart(2, "0")}`),
        updatedAt: decided,
        updatedBy: reviewerId,
      })
      .returning({ id: dutyReports.id });
    await refreshDutyReportCopy(tx, row!.id);
  }

  // ── Last year: ballots (民主测评), worse where Party building scored low ──
  await tx.insert(appraisals).values(graded.map((u) => ballots(u, factsOf(u, lastYear, yearEnd).strength, rng, lastYear, cap, reviewerId)));

  // ── Last year: the superior's comment and its rectification items ──
  const commentedAt = cap(at(`${currentYear}-01-22`, 15));
  const deadlines = ["03-31", "04-30", "05-31", "06-30"].map((d) => `${currentYear}-${d}`);
  const commentRows = [];
  const itemRows = [];
  for (const u of graded) {
    const facts = factsOf(u, lastYear, yearEnd);
    commentRows.push({ year: lastYear, unitId: u.id, text: composeComment(facts, rng), updatedAt: commentedAt, updatedBy: reviewerId });
    // The staff user's branch: three items, the first done (the e2e specs answer them).
    const isStaff = u.id === staffUnitId;
    const n = isStaff ? 3 : facts.strength > 0.75 ? 1 : rng.int(2, 3);
    for (const [k, content] of shuffled(itemPool, rng).slice(0, n).entries()) {
      const deadline = rng.pick(deadlines);
      const done = isStaff ? k === 0 : rng.chance(0.25 + 0.45 * facts.strength);
      const doneAt = new Date(Math.max(at(deadline, 16).getTime() - rng.int(3, 40) * DAY, commentedAt.getTime() + 7 * DAY));
      itemRows.push({
        year: lastYear,
        unitId: u.id,
        position: k + 1,
        content,
        deadline,
        doneAt: done ? cap(doneAt) : null,
        doneBy: done ? reviewerId : null,
        createdAt: commentedAt,
        createdBy: reviewerId,
      });
    }
  }
  await tx.insert(assessmentComments).values(commentRows);
  const items = await tx.insert(assessmentItems).values(itemRows).returning({
    id: assessmentItems.id,
    unitId: assessmentItems.unitId,
    position: assessmentItems.position,
    doneAt: assessmentItems.doneAt,
  });
  items.sort((a, b) => a.unitId - b.unitId || a.position - b.position);
  const itemsOf = new Map<number, { id: number; done: boolean }[]>();
  for (const it of items) itemsOf.set(it.unitId, [...(itemsOf.get(it.unitId) ?? []), { id: it.id, done: it.doneAt !== null }]);

  // ── Last year: 一岗双责 inspections of a dozen secretaries (one failed: its veto shows in the grade) ──
  const checked = reviewerId === null ? [] : shuffled(graded, rng).slice(0, 12);
  const failed = checked
    .filter((u) => !u.profile && u.id !== staffUnitId)
    .sort((a, b) => factsOf(b, lastYear, yearEnd).strength - factsOf(a, lastYear, yearEnd).strength)[0];
  if (checked.length > 0)
    await tx.insert(inspections).values(
      checked.map((u) => {
        const strength = factsOf(u, lastYear, yearEnd).strength;
        const result: InspectionResult = u === failed ? "fail" : strength > 0.55 || rng.chance(0.5) ? "pass" : "basic";
        const inspectedOn = `${lastYear}-${String(rng.int(4, 11)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`;
        const secretary = secretaryOn(u.id, inspectedOn);
        const on = at(inspectedOn, 15);
        return {
          unitId: u.id,
          inspectedOn,
          quarter: `${lastYear}Q${Math.floor((Number(inspectedOn.slice(5, 7)) - 1) / 3) + 1}`,
          subject: "secretary" as const,
          personName: secretary.name,
          officerId: secretary.id,
          inspectorId: reviewerId!,
          result,
          findings: inspectionFindings[result],
          reportedUpward: result !== "pass",
          createdAt: on,
          createdBy: reviewerId,
          updatedAt: on,
          updatedBy: reviewerId,
        };
      }),
    );

  // ── Outcomes (干部使用) resting on last year ──
  const byName = new Map(tree.map((u) => [u.name, u]));
  const outcomeRows = outcomePlan.flatMap((o) => {
    const u = byName.get(o.unit);
    if (!u) return [];
    const decidedOn =
      o.unit === movedSecretaryFrom || o.unit === replacedSecretaryAt
        ? capDate(new Date(Date.parse(officers.changedOn) - 5 * DAY).toISOString().slice(0, 10))
        : capDate(`${currentYear}-03-${o.kind === "adjusted" ? 20 : 12}`);
    return [{ personId: secretaryOn(u.id, yearEnd).personId, kind: o.kind, decidedOn, year: lastYear, note: o.note, createdAt: now }];
  });
  await tx.insert(officerOutcomes).values(outcomeRows);

  // ── This year: duty reports from about a third of the units ──
  const today = beijingDate(now);
  const planted = [disguisedSourceUnit, disguisedCopyUnit, nearCopyUnit].map((name) => byName.get(name)).filter((u) => u !== undefined);
  const others = shuffled(
    graded.filter((u) => u.id !== staffUnitId && !planted.includes(u)),
    rng,
  ).slice(0, Math.max(0, Math.round(graded.length / 3) - planted.length));
  const statuses: DutyReportStatus[] = ["accepted", "accepted", "returned", "submitted", "draft", "submitted", "draft", "submitted"];
  // Early in the year the dates collapse onto today: the copied report still comes before its copy.
  const writeOrder = (u: DemoUnit) => (u.name === disguisedSourceUnit ? 0 : u.name === disguisedCopyUnit ? 2 : 1);
  type Planned = { u: DemoUnit; status: DutyReportStatus; written: Date };
  const daysAgo = (d: number) => cap(new Date(Math.max(now.getTime() - d * DAY, at(`${currentYear}-03-02`).getTime())));
  const current: Planned[] = [
    ...others.map((u, i) => ({ u, status: statuses[i % statuses.length]!, written: daysAgo(rng.between(2, 45)) })),
    ...planted.map((u) => ({
      u,
      status: "submitted" as const,
      written: daysAgo(u.name === disguisedSourceUnit ? 20 : u.name === disguisedCopyUnit ? 6 : 10),
    })),
  ].sort((a, b) => a.written.getTime() - b.written.getTime() || writeOrder(a.u) - writeOrder(b.u) || a.u.id - b.u.id);

  const currentTexts = new Map<number, string>();
  let answers = 0;
  for (const { u, status, written } of current) {
    const facts = factsOf(u, currentYear, today);
    let text = composeDutyReport(facts, rng);
    if (u.name === nearCopyUnit) text = nearCopy(lastTexts.get(u.id)!, lastYear, currentYear);
    if (u.name === disguisedCopyUnit) {
      const source = byName.get(disguisedSourceUnit)!;
      text = disguisedCopy(currentTexts.get(source.id)!, factsOf(source, currentYear, today), facts, rng);
    }
    currentTexts.set(u.id, text);
    const submitted = status !== "draft";
    const decided = status === "accepted" || status === "returned" ? cap(new Date(written.getTime() + 2 * DAY)) : null;
    const [row] = await tx
      .insert(dutyReports)
      .values({
        year: currentYear,
        unitId: u.id,
        officerId: secretaryOn(u.id, beijingDate(written)).id,
        text,
        status,
        returnReason: status === "returned" ? "未逐项报告上年度点评整改事项的完成情况，请补充后重新提交。" : null,
        version: status === "draft" ? 1 : decided ? 3 : 2,
        submittedAt: submitted ? written : null,
        decidedAt: decided,
        decidedBy: decided ? reviewerId : null,
        createdAt: new Date(written.getTime() - rng.between(1, 5) * DAY),
        updatedAt: decided ?? written,
        updatedBy: decided ? reviewerId : null,
      })
      .returning({ id: dutyReports.id });
    await refreshDutyReportCopy(tx, row!.id);
    const items = itemsOf.get(u.id) ?? [];
    const answered = status === "draft" ? items.slice(0, 1) : status === "returned" ? [] : items;
    if (answered.length > 0) {
      await tx
        .insert(dutyReportAnswers)
        .values(answered.map((it) => ({ dutyReportId: row!.id, itemId: it.id, done: it.done, evidence: answerEvidence(it.done, rng) })));
      answers += answered.length;
    }
  }

  await tx.insert(auditLog).values({
    actorId: null,
    action: "seed.assessment",
    entity: "system",
    after: { lastYear, currentYear, dutyReports: lastPlan.length + current.length, answers, outcomes: outcomeRows.length },
  });
  return { lastYear, currentYear };
}

export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Ballot counts for a unit whose Party building scored `strength` (0–1): voters ≈ its members, a few ballots invalid or absent. Shared with the scale seed. */
export function ballots(u: DemoUnit, strength: number, rng: Rng, year: number, cap: (d: Date) => Date, by: number | null) {
  const voters = Math.max(3, Math.round(u.type === "branch" ? u.memberCount : Math.min(u.memberCount, 60 + u.memberCount / 10)));
  const valid = Math.max(3, voters - rng.int(0, Math.round(voters / 12)));
  const s = Math.min(1, Math.max(0, strength + rng.normal(0.06)));
  const shares = [0.08 + 0.8 * s, 0, 0, 0.12 * (1 - s) ** 2];
  const rest = 1 - shares[0]! - shares[3]!;
  shares[1] = rest * (0.35 + 0.4 * s);
  shares[2] = rest - shares[1];
  const raw = shares.map((p) => p * valid);
  const counts = raw.map(Math.floor);
  const order = raw.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  const left = valid - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < left; k++) {
    const i = order[k % 4]![1];
    counts[i] = counts[i]! + 1;
  }
  return {
    year,
    unitId: u.id,
    voters,
    good: counts[0]!,
    fairlyGood: counts[1]!,
    average: counts[2]!,
    poor: counts[3]!,
    updatedAt: cap(at(`${year + 1}-01-${String(rng.int(8, 18)).padStart(2, "0")}`, 11)),
    updatedBy: by,
  };
}
