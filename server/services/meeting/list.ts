import "server-only";
import { and, asc, eq, gte, lte } from "drizzle-orm";
import type { Db } from "~/db/client";
import { meetings, reports, type MeetingType } from "~/db/schema";
import { assertUnitInScope, canAccess, type Actor } from "~/server/scope";
import { loadMeetingInScope } from "./load";

const listed = {
  id: meetings.id,
  unitId: meetings.unitId,
  type: meetings.type,
  date: meetings.date,
  quarter: meetings.quarter,
  expected: meetings.expected,
  present: meetings.present,
  topic: meetings.topic,
  solicitedOpinions: meetings.solicitedOpinions,
  criticalOpinions: meetings.criticalOpinions,
  selfCriticisms: meetings.selfCriticisms,
  mutualCriticisms: meetings.mutualCriticisms,
  rectificationItems: meetings.rectificationItems,
  minutes: meetings.minutes,
  qualityScore: meetings.qualityScore,
  version: meetings.version,
  updatedAt: meetings.updatedAt,
};

/**
 * `meeting.list`: one unit's meetings in a quarter range, by date. Also says whether the
 * caller may write and which of those quarters are locked (approved report).
 */
export async function listMeetings(
  { db, actor }: { db: Db; actor: Actor },
  input: { unitId: number; from: string; to: string; type?: MeetingType },
) {
  const unit = await assertUnitInScope(db, actor, input.unitId, "read");
  const rows = await db
    .select(listed)
    .from(meetings)
    .where(
      and(
        eq(meetings.unitId, unit.id),
        gte(meetings.quarter, input.from),
        lte(meetings.quarter, input.to),
        input.type ? eq(meetings.type, input.type) : undefined,
      ),
    )
    .orderBy(asc(meetings.date), asc(meetings.id));
  const locked = await db
    .select({ quarter: reports.quarter })
    .from(reports)
    .where(
      and(eq(reports.unitId, unit.id), eq(reports.status, "approved"), gte(reports.quarter, input.from), lte(reports.quarter, input.to)),
    );
  return {
    unitId: unit.id,
    unitName: unit.name,
    canWrite: canAccess(actor, unit, "write"),
    lockedQuarters: locked.map((l) => l.quarter).sort(),
    meetings: rows,
  };
}

/** `meeting.get`: one meeting with its unit's name. */
export async function getMeeting({ db, actor }: { db: Db; actor: Actor }, input: { id: number }) {
  const { meeting, unit } = await loadMeetingInScope(db, actor, input.id, "read");
  const [report] = await db
    .select({ status: reports.status })
    .from(reports)
    .where(and(eq(reports.unitId, unit.id), eq(reports.quarter, meeting.quarter)))
    .limit(1);
  const { minutesFingerprint: _fp, copyBands: _cb, ...rest } = meeting;
  return {
    ...rest,
    unitName: unit.name,
    canWrite: canAccess(actor, unit, "write") && report?.status !== "approved",
  };
}
