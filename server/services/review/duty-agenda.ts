import "server-only";
import { eq, sql } from "drizzle-orm";
import { queryRows, type Db, type Tx } from "~/db/client";
import { assessmentCycles, type Unit } from "~/db/schema";
import type { AssessmentCycleStatus } from "~/lib/codes";
import { makeQuarter } from "~/lib/quarter";
import { m } from "~/lib/server-message";
import { badInput } from "~/server/errors";
import { inSubtreeSql, reachSql, type Actor } from "~/server/scope";
import { gradedUnitSql } from "~/server/services/assessment/grade-inputs";
import { quarterOfDate, todayInChina } from "~/server/services/meeting/schemas";
import { secretaryOnSql } from "~/server/services/officer/secretary";

/** A 述职评议会 is held while the year's duty reports are heard and graded: its cycle open or rating. */
const heardIn: readonly AssessmentCycleStatus[] = ["open", "rating"];

/** Refuses a year whose cycle is missing or past rating (公示, final: grades are frozen). */
export async function checkDutyYear(db: Db | Tx, year: number) {
  const [cycle] = await db.select({ status: assessmentCycles.status }).from(assessmentCycles).where(eq(assessmentCycles.year, year));
  if (!cycle) throw badInput({ year: m("dutyReview.noCycle", { year }) });
  if (!heardIn.includes(cycle.status)) throw badInput({ year: m("dutyReview.cycleClosed", { year }) });
}

/**
 * The quarter a 述职评议会 of `year` is filed under (review_meetings.quarter): the year's last
 * quarter begun by `today` (Beijing), its first quarter before the year starts.
 */
export function dutyMeetingQuarter(year: number, today = todayInChina()) {
  const now = quarterOfDate(today);
  const [first, last] = [makeQuarter(year, 1), makeQuarter(year, 4)];
  return now < first ? first : now > last ? last : now;
}

export type DutyAgendaUnit = { unitId: number; unitName: string; officerId: number | null; secretary: string | null };

/**
 * The units of `root`'s subtree a 述职评议会 may hear: active graded units (every unit but the
 * tree's root) that the chair assesses (scope.ts "assess": the level above, never the unit
 * itself), in tree order, each with its secretary in post on `today` (null: none). With
 * `unitIds`, only those units; `withSecretary` keeps those that have one (the proposed agenda).
 */
export async function dutyAgendaUnits(
  db: Db | Tx,
  actor: Actor,
  root: Pick<Unit, "id" | "path">,
  opts: { today?: string; unitIds?: number[]; withSecretary?: boolean } = {},
): Promise<DutyAgendaUnit[]> {
  const today = opts.today ?? todayInChina();
  const only =
    opts.unitIds === undefined
      ? sql`true`
      : opts.unitIds.length === 0
        ? sql`false`
        : sql`u.id in (${sql.join(
            opts.unitIds.map((id) => sql`${id}::int`),
            sql`, `,
          )})`;
  const rows = await queryRows<{ unit_id: number; unit_name: string; officer_id: number | null; secretary: string | null }>(
    db,
    sql`select u.id as unit_id, u.name as unit_name, s.id as officer_id, s.name as secretary
          from units u
          left join lateral (
            select o.id, p.name from officers o join people p on p.id = o.person_id where o.id = ${secretaryOnSql(sql`u.id`, today)}
          ) s on true
         where ${inSubtreeSql("u", root)} and ${gradedUnitSql}
           and ${reachSql(actor, "assess", "u")} and ${only}
           ${opts.withSecretary ? sql`and s.id is not null` : sql``}
         order by u.path`,
  );
  return rows.map((r) => ({
    unitId: Number(r.unit_id),
    unitName: r.unit_name,
    officerId: r.officer_id === null ? null : Number(r.officer_id),
    secretary: r.secretary,
  }));
}

/** Refuses agenda units a 述职评议会 of `root` cannot hear (outside the subtree, the tree's root, not assessed by the chair). */
export async function checkDutyUnits(db: Db | Tx, actor: Actor, root: Unit, unitIds: number[], field: string) {
  const heard = new Set((await dutyAgendaUnits(db, actor, root, { unitIds })).map((u) => u.unitId));
  const outside = unitIds.find((id) => !heard.has(id));
  if (outside !== undefined) throw badInput({ [field]: m("dutyReview.unitNotHeard", { outside, name: root.name }) });
}
