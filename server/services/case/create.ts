import { eq } from "drizzle-orm";
import { formsBySubject, type CaseSourceType } from "~/db/codes";
import type { Db, Tx } from "~/db/client";
import { caseEvents, cases, inspections, meetings, reports, reviewMeetings, units, type Unit } from "~/db/schema";
import { badInput } from "~/server/errors";
import { assertUnitInScope, type Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { quarterOfDate, todayInChina } from "~/server/services/meeting/schemas";
import { assertInspectionCanSourceCase } from "~/server/services/inspection/withdraw";
import { caseSnapshot } from "./load";
import type { CreateCaseInput } from "./schemas";

const subjectZh = { organisation: "党组织", secretary: "书记", leader: "班子成员", member: "党员" } as const;
const formZh = {
  inspection: "检查",
  notice: "通报",
  reorganisation: "改组",
  admonition: "诫勉",
  org_adjustment: "组织调整或组织处理",
  discipline: "纪律处分",
} as const;

/** Refuses a form that 问责条例 art. 8 does not allow for the subject (see `formsBySubject`). */
export function checkFormFitsSubject(input: Pick<CreateCaseInput, "subject" | "form">) {
  const allowed = formsBySubject[input.subject];
  if (!allowed.includes(input.form)) {
    throw badInput({
      form: `对${subjectZh[input.subject]}只能采取${allowed.map((f) => formZh[f]).join("、")}（form ${input.form} does not fit subject ${input.subject}）`,
    });
  }
}

/**
 * Sources whose id names a row we can check: it must exist and be of the case's unit, so a
 * case never links to another unit's finding — or, for a review meeting, the case's unit must
 * lie in the subtree the meeting reviewed. A 一岗双责 inspection is checked like a report.
 */
async function checkSource(tx: Tx, unit: Pick<Unit, "id" | "path">, type: CaseSourceType, id: number | undefined) {
  const table = type === "report" ? reports : type === "flag" || type === "meeting" ? meetings : type === "inspection" ? inspections : null;
  if (!table && type !== "review_meeting") return;
  if (id === undefined) throw badInput({ sourceId: "请指明来源记录（source id is required for this source type）" });
  if (type === "review_meeting") {
    const [meeting] = await tx
      .select({ path: units.path })
      .from(reviewMeetings)
      .innerJoin(units, eq(units.id, reviewMeetings.unitId))
      .where(eq(reviewMeetings.id, id))
      .limit(1);
    if (!meeting) throw badInput({ sourceId: `来源审议会不存在（review meeting ${id} not found）` });
    if (!unit.path.startsWith(meeting.path)) throw badInput({ sourceId: "该单位不在来源审议会的审议范围内（unit outside the review meeting's subtree）" });
    return;
  }
  const [row] = await tx.select({ unitId: table!.unitId }).from(table!).where(eq(table!.id, id)).limit(1);
  if (!row) throw badInput({ sourceId: `来源记录不存在（source ${type} ${id} not found）` });
  if (row.unitId !== unit.id) throw badInput({ sourceId: "来源记录不属于该单位（source belongs to another unit）" });
}

/** `case.create`: a reviewer (in their subtree) or an admin opens a case (立案). */
export async function createCase({ db, actor }: { db: Db; actor: Actor }, input: CreateCaseInput) {
  const unit = await assertUnitInScope(db, actor, input.unitId, "case");
  checkFormFitsSubject(input);
  if (!input.sourceType && (input.sourceId !== undefined || input.flagKind)) {
    throw badInput({ sourceType: "请选择来源类型（source type is required with a source id）" });
  }
  if (input.sourceType === "flag" && !input.flagKind) throw badInput({ flagKind: "请指明预警类型（flag kind is required）" });
  return db.transaction(async (tx) => {
    if (input.sourceType) await checkSource(tx, unit, input.sourceType, input.sourceId);
    if (input.sourceType === "inspection" && input.sourceId !== undefined) await assertInspectionCanSourceCase(tx, input.sourceId);
    const [created] = await tx
      .insert(cases)
      .values({
        unitId: unit.id,
        subject: input.subject,
        category: input.category,
        rootCause: input.rootCause,
        form: input.form,
        facts: input.facts,
        sourceType: input.sourceType ?? null,
        sourceId: input.sourceId ?? null,
        sourceDetail: input.sourceType === "flag" ? { flagKind: input.flagKind } : null,
        quarter: quarterOfDate(todayInChina()),
        createdBy: actor.id,
      })
      .returning();
    if (!created) throw new Error("case insert returned no row");
    await tx.insert(caseEvents).values({ caseId: created.id, actorId: actor.id, fromStatus: null, toStatus: "opened", comment: "立案" });
    await writeAudit(tx, actor, { action: "case.create", entity: "case", entityId: created.id, unitId: unit.id, after: caseSnapshot(created) });
    return { id: created.id };
  });
}
