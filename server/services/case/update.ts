import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { cases, type Case } from "~/db/schema";
import { conflict, preconditionFailed } from "~/server/errors";
import type { Actor } from "~/server/scope";
import { staleAnnualScores, yearOf } from "~/server/services/assessment/grade-store";
import { writeAudit } from "~/server/services/audit/write";
import { secretaryOn } from "~/server/services/officer/secretary";
import { todayInChina } from "~/server/services/meeting/schemas";
import { checkFormFitsSubject } from "./create";
import { caseSnapshot, loadCaseInScope } from "./load";
import type { UpdateCaseInput } from "./schemas";
import { caseStatusZh } from "./transition";
import { m } from "~/lib/server-message";

/** A case can be corrected until the accountability decision is made (作出问责决定). */
const editable = ["opened", "investigating"] as const;

const stale = (version: number) => conflict(m("case.caseChangedSinceYouOpenedIt", { version }));
const snapshot = (c: Case) => ({ ...caseSnapshot(c), facts: c.facts });

/**
 * `case.update`: a writer of the case corrects its subject, form, category, root cause or facts
 * while it is 立案 or 调查核实. The form must still fit the subject (问责条例 art. 8); a stale
 * `version` is CONFLICT; the update is conditioned on the version and status read, and audited
 * with before and after, in one transaction.
 */
export async function updateCase({ db, actor }: { db: Db; actor: Actor }, input: UpdateCaseInput) {
  const { id, version, ...changes } = input;
  return db.transaction(async (tx) => {
    const { row: before, unit } = await loadCaseInScope(tx, actor, id, "case");
    if (!(editable as readonly string[]).includes(before.status)) {
      throw preconditionFailed(m("case.aCaseCanBeEditedOnly", { caseStatusZh: caseStatusZh[before.status], status: before.status }));
    }
    if (before.version !== version) throw stale(before.version);
    const subject = changes.subject ?? before.subject;
    const form = changes.form ?? before.form;
    checkFormFitsSubject({ subject, form });
    const [after] = await tx
      .update(cases)
      .set({
        subject,
        form,
        category: changes.category ?? before.category,
        rootCause: changes.rootCause ?? before.rootCause,
        facts: changes.facts ?? before.facts,
        // The secretary in post on the day the case was opened (立案), when the case is about the secretary.
        officerId: subject === "secretary" ? await secretaryOn(tx, unit.id, todayInChina(before.createdAt)) : null,
        version: sql`${cases.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(cases.id, id), eq(cases.version, version), inArray(cases.status, [...editable])))
      .returning();
    if (!after) throw stale(version + 1);
    await staleAnnualScores(tx, yearOf(after.quarter), [after.unitId]);
    await writeAudit(tx, actor, {
      action: "case.update",
      entity: "case",
      entityId: id,
      unitId: unit.id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return { id, version: after.version };
  });
}
