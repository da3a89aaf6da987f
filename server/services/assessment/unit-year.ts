import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { appraisals, assessmentComments, assessmentCycles, assessmentItems, dutyReportAnswers, dutyReports, units } from "~/db/schema";
import { isItemOverdue } from "~/lib/rectification";
import { assertUnitInScope, canAccess, type Actor } from "~/server/scope";
import { todayInChina } from "~/server/services/meeting/schemas";
import { answeredItemIds } from "./comment-save";
import { dutyReportEditable } from "~/lib/assessment/duty-report";
import { acceptsInputs } from "~/lib/assessment/cycle-status";
import { cycleYears } from "./editable-cycle";
import { submittedLate } from "./duty-late";
import { secretaryNamedOn } from "~/server/services/officer/secretary";
import type { UnitYearInput } from "./inputs-schemas";

/**
 * `assessment.getUnitYear`: one unit's assessment year as the duty-report editor, the level
 * above's assessment page and the 述职评议会 slides show it — the cycle's status, the duty
 * report (its copied match, with the other text only when the caller may read that unit),
 * last year's comment items with this year's answers, the appraisal, the comment and its
 * items (overdue as a case's items), and what the caller may do.
 */
export async function getUnitYear({ db, actor }: { db: Db; actor: Actor }, input: UnitYearInput, today = todayInChina()) {
  const unit = await assertUnitInScope(db, actor, input.unitId, "read");
  const { year } = input;
  const ofUnitYear = (y: number) => and(eq(assessmentItems.unitId, unit.id), eq(assessmentItems.year, y));
  const [[cycle], [report], [appraisal], [comment], items, secretary, years] = await Promise.all([
    db.select().from(assessmentCycles).where(eq(assessmentCycles.year, year)),
    db
      .select()
      .from(dutyReports)
      .where(and(eq(dutyReports.unitId, unit.id), eq(dutyReports.year, year))),
    db
      .select()
      .from(appraisals)
      .where(and(eq(appraisals.unitId, unit.id), eq(appraisals.year, year))),
    db
      .select()
      .from(assessmentComments)
      .where(and(eq(assessmentComments.unitId, unit.id), eq(assessmentComments.year, year))),
    db.select().from(assessmentItems).where(ofUnitYear(year)).orderBy(asc(assessmentItems.position), asc(assessmentItems.id)),
    secretaryNamedOn(db, unit.id, today),
    cycleYears(db),
  ]);

  const lastYearItems = await db
    .select({ item: assessmentItems, done: dutyReportAnswers.done, evidence: dutyReportAnswers.evidence })
    .from(assessmentItems)
    .leftJoin(dutyReportAnswers, and(eq(dutyReportAnswers.itemId, assessmentItems.id), eq(dutyReportAnswers.dutyReportId, report?.id ?? 0)))
    .where(ofUnitYear(year - 1))
    .orderBy(asc(assessmentItems.position), asc(assessmentItems.id));

  const answered = await answeredItemIds(
    db,
    items.map((i) => i.id),
  );

  let copied = null;
  if (report?.copiedFromId) {
    const [other] = await db
      .select({ id: dutyReports.id, year: dutyReports.year, text: dutyReports.text, unit: units })
      .from(dutyReports)
      .innerJoin(units, eq(units.id, dutyReports.unitId))
      .where(eq(dutyReports.id, report.copiedFromId));
    if (other) {
      const readable = canAccess(actor, other.unit, "read");
      copied = {
        similarity: report.copiedSimilarity ?? 0,
        year: other.year,
        sameUnit: other.unit.id === unit.id,
        // Whose text it matched, and the text itself, only for a caller who may read that unit.
        unitId: readable ? other.unit.id : null,
        unitName: readable ? other.unit.name : null,
        text: readable ? other.text : null,
      };
    }
  }

  const deadline = cycle?.rules.dutyReportDeadline ?? null;
  const canWrite = canAccess(actor, unit, "write");
  const canAssess = canAccess(actor, unit, "assess");
  const open = cycle ? acceptsInputs(cycle.status) : false;
  return {
    year,
    years,
    unit: { id: unit.id, name: unit.name, path: unit.path },
    cycle: cycle ? { status: cycle.status, dutyReportDeadline: deadline } : null,
    secretary,
    dutyReport: report
      ? {
          id: report.id,
          text: report.text,
          status: report.status,
          version: report.version,
          returnReason: report.returnReason,
          submittedAt: report.submittedAt,
          decidedAt: report.decidedAt,
          updatedAt: report.updatedAt,
          late: deadline ? submittedLate(report.submittedAt, deadline) : false,
          copied,
        }
      : null,
    lastYearItems: lastYearItems.map((r) => ({
      id: r.item.id,
      content: r.item.content,
      deadline: r.item.deadline,
      doneAt: r.item.doneAt,
      doneEvidence: r.item.doneEvidence,
      answer: r.done === null ? null : { done: r.done, evidence: r.evidence ?? "" },
    })),
    appraisal: appraisal
      ? {
          voters: appraisal.voters,
          good: appraisal.good,
          fairlyGood: appraisal.fairlyGood,
          average: appraisal.average,
          poor: appraisal.poor,
          version: appraisal.version,
          updatedAt: appraisal.updatedAt,
        }
      : null,
    comment: comment ? { text: comment.text, version: comment.version, updatedAt: comment.updatedAt } : null,
    items: items.map((i) => ({
      id: i.id,
      content: i.content,
      deadline: i.deadline,
      doneAt: i.doneAt,
      doneEvidence: i.doneEvidence,
      overdue: isItemOverdue(i, today),
      answered: answered.has(i.id),
    })),
    can: {
      writeDutyReport: canWrite && open && dutyReportEditable(report?.status ?? null),
      decideDutyReport: canAssess && open && report?.status === "submitted",
      assess: canAssess && open,
      markItemsDone: canWrite,
    },
  };
}
