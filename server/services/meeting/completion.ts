import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db, type Tx } from "~/db/client";
import type { MeetingType, Unit } from "~/db/schema";
import { parseQuarter } from "~/lib/quarter";
import { assertUnitInScope, type Actor } from "~/server/scope";
import { getSetting } from "~/server/services/settings/get";
import { completionRows, heldMeetingSql, threeOneRate, type HeldCount } from "./completion-rules";

/** Meetings per type and quarter from 1 January of the quarter's year to its last day, in one query. */
async function heldCounts(db: Db | Tx, unitId: number, quarter: string): Promise<HeldCount[]> {
  const p = parseQuarter(quarter);
  if (!p) throw new Error(`bad quarter ${quarter}`);
  const rows = await queryRows<{ type: MeetingType; quarter: string; recorded: number | string; valid: number | string }>(
    db,
    sql`select m.type, m.quarter, count(*) as recorded, count(*) filter (where ${heldMeetingSql("m")}) as valid
        from meetings m
        where m.unit_id = ${unitId} and m.quarter >= ${`${p.year}Q1`} and m.quarter <= ${quarter}
        group by m.type, m.quarter`,
  );
  // count(*) is bigint: postgres.js returns it as a string.
  return rows.map((r) => ({ type: r.type, quarter: r.quarter, recorded: Number(r.recorded), valid: Number(r.valid) }));
}

/** Expected vs held per meeting type for one unit and quarter, and the 三会一课 rate. */
export async function computeCompletion(db: Db | Tx, unit: Pick<Unit, "id" | "type" | "memberCount">, quarter: string) {
  const rules = await getSetting(db, "meetingFrequencies");
  const counts = await heldCounts(db, unit.id, quarter);
  const rows = completionRows(unit, quarter, rules, counts);
  return { rows, threeOneRate: threeOneRate(rows) };
}

/** `meeting.completion`: readable by whoever may read the unit. */
export async function meetingCompletion({ db, actor }: { db: Db; actor: Actor }, input: { unitId: number; quarter: string }) {
  const unit = await assertUnitInScope(db, actor, input.unitId, "read");
  const { rows, threeOneRate: rate } = await computeCompletion(db, unit, input.quarter);
  return {
    unitId: unit.id,
    unitName: unit.name,
    unitType: unit.type,
    memberCount: unit.memberCount,
    quarter: input.quarter,
    rows,
    threeOneRate: rate,
  };
}
