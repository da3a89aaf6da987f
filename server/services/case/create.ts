import "server-only";
import { formsBySubject, type CaseSourceType } from "~/lib/codes";
import type { Db, Tx } from "~/db/client";
import { caseEvents, cases, type Unit } from "~/db/schema";
import { badInput } from "~/server/errors";
import { assertUnitInScope, findInScope, type Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { secretaryOn } from "~/server/services/officer/secretary";
import { quarterOfDate, todayInChina } from "~/server/services/meeting/schemas";
import { assertInspectionCanSourceCase } from "~/server/services/inspection/withdraw";
import { refreshCaseCounts } from "~/server/services/rollup/case-counts";
import { caseSnapshot } from "./load";
import type { CreateCaseInput } from "./schemas";
import { m } from "~/lib/server-message";

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
      form: m("case.thisFormOfAccountabilityDoesNot", {
        subjectZh: subjectZh[input.subject],
        forms: allowed.map((f) => formZh[f]).join("、"),
      }),
    });
  }
}

/**
 * Sources whose id names a row we can check: it must be one the caller may read — an unknown
 * id and one out of their reach get the same answer, so ids elsewhere cannot be probed — and
 * be of the case's unit, so a case never links to another unit's finding; for a review meeting,
 * the case's unit must lie in the subtree the meeting reviewed. A 一岗双责 inspection is checked
 * like a report.
 */
async function checkSource(tx: Tx, actor: Actor, unit: Pick<Unit, "id" | "path">, type: CaseSourceType, id: number | undefined) {
  const kind =
    type === "report"
      ? "report"
      : type === "flag" || type === "meeting"
        ? "meeting"
        : type === "inspection"
          ? "inspection"
          : type === "review_meeting"
            ? "review"
            : null;
  if (!kind) return;
  if (id === undefined) throw badInput({ sourceId: m("case.sourceIdIsRequiredForThis") });
  const found = await findInScope(tx, actor, kind, id);
  if (!found) throw badInput({ sourceId: m("case.sourceNotFound", { type, id }) });
  if (kind === "review") {
    if (!unit.path.startsWith(found.unit.path)) throw badInput({ sourceId: m("case.unitOutsideTheReviewMeetingSubtree") });
    return;
  }
  if (found.unit.id !== unit.id) throw badInput({ sourceId: m("case.sourceBelongsToAnotherUnit") });
}

/**
 * `case.create`: a reviewer (in their subtree) or an admin opens a case (立案). A review
 * meeting's 立案问责 decision opens it under the chair's "review" access instead (leaders chair
 * meetings and so open the cases they decide on, which reviewers then handle); that path is
 * only reachable through `review.decide`, never through `case.create`.
 */
export async function createCase({ db, actor }: { db: Db; actor: Actor }, input: CreateCaseInput, access: "case" | "review" = "case") {
  if (access === "review" && input.sourceType !== "review_meeting")
    throw new Error("a case opened under review access must come from a review meeting");
  const unit = await assertUnitInScope(db, actor, input.unitId, access);
  checkFormFitsSubject(input);
  if (!input.sourceType && (input.sourceId !== undefined || input.flagKind)) {
    throw badInput({ sourceType: m("case.sourceTypeIsRequiredWithA") });
  }
  if (input.sourceType === "flag" && !input.flagKind) throw badInput({ flagKind: m("case.flagKindIsRequired") });
  return db.transaction(async (tx) => {
    if (input.sourceType) await checkSource(tx, actor, unit, input.sourceType, input.sourceId);
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
        officerId: input.subject === "secretary" ? await secretaryOn(tx, unit.id, todayInChina()) : null,
        sourceType: input.sourceType ?? null,
        sourceId: input.sourceId ?? null,
        sourceDetail: input.sourceType === "flag" ? { flagKind: input.flagKind } : null,
        quarter: quarterOfDate(todayInChina()),
        createdBy: actor.id,
      })
      .returning();
    if (!created) throw new Error("case insert returned no row");
    await tx.insert(caseEvents).values({ caseId: created.id, actorId: actor.id, fromStatus: null, toStatus: "opened", comment: "立案" });
    await refreshCaseCounts(tx, [unit.id]);
    await writeAudit(tx, actor, {
      action: "case.create",
      entity: "case",
      entityId: created.id,
      unitId: unit.id,
      after: caseSnapshot(created),
    });
    return { id: created.id };
  });
}
