import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "~/db/client";
import type { ReviewMeetingKind, ReviewMeetingStatus } from "~/lib/codes";
import { canAccess, inSubtreeSql, type Actor } from "~/server/scope";
import { assertReviewScope } from "./access";

type Num = number | string;
type Row = {
  id: number;
  unit_id: number;
  unit_name: string;
  quarter: string;
  title: string;
  status: ReviewMeetingStatus;
  held_on: string | null;
  closed_at: Date | string | null;
  items: Num;
  decided: Num;
  cases: Num;
  kind: ReviewMeetingKind;
  year: number | null;
};

/** `review.list`: the review meetings held on `unitId`'s subtree or below it, newest quarter first, with decision counts. */
export async function listReviews({ db, actor }: { db: Db; actor: Actor }, input: { unitId: number }) {
  const root = await assertReviewScope(db, actor, input.unitId, "reviewRead");
  const rows = await queryRows<Row>(
    db,
    sql`select m.id, m.unit_id, u.name as unit_name, m.quarter, m.title, m.status, m.held_on, m.closed_at,
               count(i.id) as items, m.kind, m.year,
               -- a 述职评议会's unit is settled by its grade proposal
               count(i.id) filter (where i.decision is not null or (m.kind = 'duty_review' and exists (
                 select 1 from assessment_grades g where g.year = m.year and g.unit_id = i.unit_id and g.proposed is not null))) as decided,
               count(i.case_id) as cases
        from review_meetings m join units u on u.id = m.unit_id left join review_agenda_items i on i.meeting_id = m.id
        where ${inSubtreeSql("u", root)}
        group by m.id, u.name
        order by m.quarter desc, m.id desc
        limit 500`,
  );
  return {
    unitId: root.id,
    unitName: root.name,
    canWrite: canAccess(actor, root, "review"),
    meetings: rows.map((r) => ({
      id: Number(r.id),
      unitId: Number(r.unit_id),
      unitName: r.unit_name,
      quarter: r.quarter,
      kind: r.kind,
      year: r.year === null ? null : Number(r.year),
      title: r.title,
      status: r.status,
      heldOn: r.held_on,
      closedAt: r.closed_at === null ? null : new Date(r.closed_at),
      items: Number(r.items),
      decided: Number(r.decided),
      cases: Number(r.cases),
    })),
  };
}
