import { and, eq, isNull } from "drizzle-orm";
import type { ReviewDecision } from "~/lib/codes";
import type { Tx } from "~/db/client";
import { auditLog, cases, reviewAgendaItems, reviewMeetings, units, users } from "~/db/schema";
import { addQuarters, defaultReportingQuarter, quarterStart } from "~/lib/quarter";
import type { Actor } from "~/server/scope";
import { proposeFor } from "~/server/services/review/propose";
import type { AgendaReason } from "~/server/services/review/reasons";

const DAY = 24 * 3600 * 1000;
const beijingDate = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(d);

const notes: Record<ReviewDecision, string> = {
  no_action: "说明情况属实，已自行整改，不作处理。",
  talk: "由机关党委书记对支部书记进行约谈提醒，一个月内报送整改情况。",
  supervise: "列入督办事项，机关党委组织科跟踪督办，下季度审议会上通报整改进展。",
  case: "问题性质严重，立案问责。",
};

/** A decision that fits the reasons a unit was proposed for (the demo's chair is consistent). */
function decisionFor(reasons: AgendaReason[]): ReviewDecision {
  if (reasons.length >= 2) return "supervise";
  if (reasons.some((r) => r.code === "formalism_flags" || r.code === "business_over_party")) return "talk";
  return "no_action";
}

/**
 * One closed review meeting of the whole tree on the quarter before the reporting quarter
 * (2026Q2 in November 2026), held three weeks after that quarter ended: the agenda the app
 * proposes from the seeded scores, flags and cases as of that day, and a decision on every unit.
 * The demo cases whose source is a review meeting are its 立案问责 decisions (their units are
 * added to the agenda if the proposal did not list them). Runs after the rollups are built.
 */
export async function seedReviewMeetings(tx: Tx, reviewerId: number | null, now: Date) {
  const [root] = await tx.select().from(units).where(isNull(units.parentId)).orderBy(units.id).limit(1);
  const [reviewer] = reviewerId ? await tx.select().from(users).where(eq(users.id, reviewerId)) : [];
  if (!root || !reviewer) return 0;
  const quarter = addQuarters(defaultReportingQuarter(now), -1);
  const heldAt = new Date(quarterStart(addQuarters(quarter, 1)).getTime() + 20 * DAY + 9 * 3600 * 1000);
  const heldOn = beijingDate(heldAt);
  const actor: Actor = {
    id: reviewer.id,
    username: reviewer.username,
    displayName: reviewer.displayName,
    role: "reviewer",
    unitId: root.id,
    unitPath: root.path,
  };
  const proposal = await proposeFor(tx, actor, root, quarter, { today: heldOn });

  const linked = await tx
    .select({ id: cases.id, unitId: cases.unitId })
    .from(cases)
    .where(and(eq(cases.sourceType, "review_meeting"), isNull(cases.sourceId)))
    .orderBy(cases.id);
  const agenda = proposal.items.map((i) => ({ unitId: i.unitId, reasons: i.reasons, addedByChair: false }));
  for (const c of linked) {
    if (!agenda.some((a) => a.unitId === c.unitId)) agenda.push({ unitId: c.unitId, reasons: [], addedByChair: true });
  }
  if (agenda.length === 0) return 0;

  const [meeting] = await tx
    .insert(reviewMeetings)
    .values({
      unitId: root.id,
      quarter,
      title: `${quarter.slice(0, 4)}年第${quarter.slice(-1)}季度党建工作问责审议会`,
      status: "closed",
      heldOn,
      chairId: reviewer.id,
      attendees: "刘建国（市委组织部部长，主持）\n陈静（市纪委监委派驻纪检组组长）\n王磊（组织部组织科科长）\n赵敏（问责专员，记录）",
      version: 3,
      createdAt: new Date(heldAt.getTime() - 5 * DAY),
      createdBy: reviewer.id,
      closedAt: new Date(heldAt.getTime() + 3 * 3600 * 1000),
    })
    .returning({ id: reviewMeetings.id });
  if (!meeting) throw new Error("review meeting insert returned no row");
  await tx.insert(reviewAgendaItems).values(
    agenda.map((a, i) => {
      const caseRow = linked.find((c) => c.unitId === a.unitId);
      const decision = caseRow ? "case" : decisionFor(a.reasons);
      return {
        meetingId: meeting.id,
        position: i + 1,
        ...a,
        decision,
        decisionNote: notes[decision],
        caseId: caseRow?.id ?? null,
        decidedAt: new Date(heldAt.getTime() + (i + 1) * 8 * 60 * 1000),
        decidedBy: reviewer.id,
      };
    }),
  );
  // Each 立案问责 decision links one case; further demo cases of the same unit stay as they are.
  for (const a of agenda) {
    const caseRow = linked.find((c) => c.unitId === a.unitId);
    if (caseRow) await tx.update(cases).set({ sourceId: meeting.id }).where(eq(cases.id, caseRow.id));
  }
  await tx
    .insert(auditLog)
    .values({ actorId: null, action: "seed.reviewMeetings", entity: "system", after: { meetings: 1, items: agenda.length } });
  return 1;
}
