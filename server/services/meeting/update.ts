import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import { meetings, type Meeting } from "~/db/schema";
import { conflict } from "~/server/errors";
import type { Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import type { MeetingUnit } from "./create";
import { recordCorpusChange } from "~/server/services/copy-check/corpus";
import { meetingsCopiedFrom, refreshCopiedMatches, type MatchChange } from "./copied-match";
import { assertQuarterOpen, meetingColumns, meetingSnapshot, type MeetingFields } from "./guards";
import { refreshMeetingIndicators } from "./indicators";
import { refreshMeetingRollups } from "~/server/services/rollup/meeting-quality";
import { loadMeetingInScope } from "./load";
import type { UpdateMeetingInput } from "./schemas";
import { m } from "~/lib/server-message";

export function staleMeeting(version: number) {
  return conflict(m("meeting.meetingChangedSinceYouOpenedIt", { version }));
}

/**
 * Replaces the fields of `before` (the row the caller read, scope already checked) inside the
 * caller's transaction. Moving it to another quarter checks both quarters are open and
 * refreshes both reports' computed values. A change of minutes or date re-computes the
 * copied-minutes match of this meeting and of those that matched it. The Excel import passes
 * `refreshReport: false` and `refreshRollups: false` and refreshes once per quarter itself (the
 * meetings whose copied-minutes match the write changed are then added to `opts.copied`).
 */
export async function updateMeetingInTx(
  tx: Tx,
  actor: Actor,
  unit: MeetingUnit,
  before: Meeting,
  fields: MeetingFields,
  opts: { refreshReport?: boolean; refreshRollups?: boolean; copied?: MatchChange[] } = {},
): Promise<Meeting> {
  const columns = meetingColumns(fields);
  await assertQuarterOpen(tx, unit.id, before.quarter);
  if (columns.quarter !== before.quarter) await assertQuarterOpen(tx, unit.id, columns.quarter);
  const [after] = await tx
    .update(meetings)
    .set({ ...columns, version: sql`${meetings.version} + 1`, updatedAt: new Date(), updatedBy: actor.id })
    .where(and(eq(meetings.id, before.id), eq(meetings.version, before.version)))
    .returning();
  if (!after) throw staleMeeting(before.version + 1);
  const copied: MatchChange[] = [];
  // The stored copied-minutes match depends on the minutes, the date and the unit only.
  if (after.minutesFingerprint !== before.minutesFingerprint || after.date !== before.date || after.unitId !== before.unitId) {
    await recordCorpusChange(
      tx,
      { unitId: before.unitId, fingerprint: before.minutesFingerprint },
      { unitId: after.unitId, fingerprint: after.minutesFingerprint },
    );
    copied.push(...(await refreshCopiedMatches(tx, { written: after.id, pointedTo: await meetingsCopiedFrom(tx, after.id) })));
    opts.copied?.push(...copied);
  }
  await writeAudit(tx, actor, {
    action: "meeting.update",
    entity: "meeting",
    entityId: before.id,
    unitId: unit.id,
    before: meetingSnapshot(before),
    after: meetingSnapshot(after),
  });
  if (opts.refreshRollups ?? true) {
    await refreshMeetingRollups(
      tx,
      [
        { unitId: unit.id, quarter: before.quarter },
        { unitId: unit.id, quarter: after.quarter },
      ],
      copied,
    );
  }
  if (opts.refreshReport ?? true) {
    await refreshMeetingIndicators(tx, actor, unit, after.quarter);
    if (after.quarter !== before.quarter) await refreshMeetingIndicators(tx, actor, unit, before.quarter);
  }
  return after;
}

/** `meeting.update`: replaces a meeting's fields (optimistic `version`). */
export async function updateMeeting({ db, actor }: { db: Db; actor: Actor }, input: UpdateMeetingInput) {
  const { id, version, ...fields } = input;
  return db.transaction(async (tx) => {
    const { meeting: before, unit } = await loadMeetingInScope(tx, actor, id, "write");
    if (before.version !== version) throw staleMeeting(before.version);
    const after = await updateMeetingInTx(tx, actor, unit, before, fields);
    return { id, version: after.version, qualityScore: after.qualityScore };
  });
}
