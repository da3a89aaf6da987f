import "server-only";
import type { Db } from "~/db/client";
import type { Actor } from "~/server/scope";
import { assertReviewScope } from "./access";
import { checkDutyYear, dutyAgendaUnits } from "./duty-agenda";
import type { ProposeDutyInput } from "./schemas";

/** `review.proposeDuty`: the proposed agenda of a 述职评议会 — the subtree's graded units with a secretary in post, in tree order; not saved. */
export async function proposeDutyAgenda({ db, actor }: { db: Db; actor: Actor }, input: ProposeDutyInput) {
  const root = await assertReviewScope(db, actor, input.unitId, "reviewRead");
  await checkDutyYear(db, input.year);
  const items = await dutyAgendaUnits(db, actor, root, { withSecretary: true });
  return { unitId: root.id, unitName: root.name, year: input.year, items };
}
