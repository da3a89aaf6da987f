import type { CaseForm, CaseStatus, CaseSubject, CategoryCode, RootCause } from "~/lib/codes";
import { caseStatuses } from "~/lib/codes";
import { makeRng, unitSeed } from "~/scripts/seed/scale/rng";
import type { ScaleMeeting } from "~/scripts/seed/scale/meetings";
import type { ScaleUnit } from "~/scripts/seed/scale/tree";

/**
 * Accountability cases for the scale seed: about one 重业务轻党建 unit in eight has a case,
 * linked to one of its meetings where it has any, in every status, with back-dated timelines
 * and (when rectifying or closed) rectification items, some overdue.
 */

type Kind = { subject: CaseSubject; form: CaseForm; category: CategoryCode; rootCause: RootCause; facts: string };
const kinds: Kind[] = [
  {
    subject: "organisation",
    form: "notice",
    category: "inner_life",
    rootCause: "misperception",
    facts: "组织生活会批评意见为零，会议流于形式。",
  },
  {
    subject: "secretary",
    form: "admonition",
    category: "leadership",
    rootCause: "misperception",
    facts: "书记全年未讲党课，业务会议挤占组织生活时间。",
  },
  {
    subject: "organisation",
    form: "inspection",
    category: "inner_life",
    rootCause: "poor_planning",
    facts: "党员大会实到人数不足三分之二，多名党员长期缺席。",
  },
  {
    subject: "leader",
    form: "notice",
    category: "two_skins",
    rootCause: "unclear_orientation",
    facts: "分管领导只抓业务指标，分管科室党建工作无人过问。",
  },
  {
    subject: "organisation",
    form: "notice",
    category: "inner_life",
    rootCause: "part_time_staff",
    facts: "三会一课集中在季度末突击召开，会议记录雷同。",
  },
];

export type ScaleCase = {
  id: number;
  unitId: number;
  kind: Kind;
  status: CaseStatus;
  sourceMeetingId: number | null;
  quarter: string;
  openedAt: Date;
  /** Each status reached, with when. */
  steps: { status: CaseStatus; at: Date }[];
  items: { deadline: string; doneAt: Date | null }[];
};

const DAY = 86_400_000;
const beijingDate = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(d);
const quarterOfDate = (date: string) => `${date.slice(0, 4)}Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

export function unitCase(unit: ScaleUnit, meetings: readonly ScaleMeeting[], now: Date, nextId: () => number): ScaleCase | null {
  if (unit.profile !== "bizFirst") return null;
  const rng = makeRng(unitSeed(unit.id, 0xca5e));
  if (!rng.chance(0.125)) return null;
  const kind = rng.pick(kinds);
  const status = rng.pick(caseStatuses);
  const openedAt = new Date(now.getTime() - rng.int(30, 300) * DAY);
  const reached = caseStatuses.slice(0, caseStatuses.indexOf(status) + 1);
  const stepDays = Math.max(1, Math.floor((now.getTime() - openedAt.getTime()) / DAY / (reached.length + 1)));
  const steps = reached.map((s, k) => ({ status: s, at: new Date(openedAt.getTime() + k * stepDays * DAY) }));
  const withItems = status === "rectifying" || (status === "closed" && rng.chance(0.5));
  const items = withItems
    ? Array.from({ length: rng.int(1, 3) }, () => {
        const deadline = new Date(now.getTime() + rng.int(-60, 45) * DAY);
        const done = status === "closed" || rng.chance(0.4);
        return { deadline: beijingDate(deadline), doneAt: done ? new Date(Math.min(deadline.getTime(), now.getTime()) - DAY) : null };
      })
    : [];
  // Without items a case goes from decided straight to closed (the service's rule).
  const timeline = withItems ? steps : steps.filter((s) => s.status !== "rectifying");
  const source = meetings.length > 0 ? rng.pick(meetings).id : null;
  return {
    id: nextId(),
    unitId: unit.id,
    kind,
    status,
    sourceMeetingId: source,
    quarter: quarterOfDate(beijingDate(openedAt)),
    openedAt,
    steps: timeline,
    items,
  };
}
