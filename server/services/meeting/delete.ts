import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { meetings } from "~/db/schema";
import type { Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { recordCorpusChange } from "~/server/services/copy-check/corpus";
import { meetingsCopiedFrom, refreshCopiedMatches } from "./copied-match";
import { assertQuarterOpen, meetingSnapshot } from "./guards";
import { refreshMeetingIndicators } from "./indicators";
import { loadMeetingInScope } from "./load";
import { refreshMeetingRollups } from "~/server/services/rollup/meeting-quality";
import { staleMeeting } from "./update";

/**
 * `meeting.delete`: removes a meeting (optimistic `version`); the audit row keeps its content.
 * Meetings whose copied-minutes match it was are matched again.
 */
export async function deleteMeeting({ db, actor }: { db: Db; actor: Actor }, input: { id: number; version: number }) {
  return db.transaction(async (tx) => {
    const { meeting, unit } = await loadMeetingInScope(tx, actor, input.id, "write");
    if (meeting.version !== input.version) throw staleMeeting(meeting.version);
    await assertQuarterOpen(tx, unit.id, meeting.quarter);
    // Read before the delete: its foreign key then sets their copied_from_id to null.
    const copiedFromIt = await meetingsCopiedFrom(tx, meeting.id);
    const removed = await tx
      .delete(meetings)
      .where(and(eq(meetings.id, input.id), eq(meetings.version, input.version)))
      .returning({ id: meetings.id });
    if (removed.length === 0) throw staleMeeting(input.version + 1);
    await recordCorpusChange(tx, { unitId: meeting.unitId, fingerprint: meeting.minutesFingerprint }, null);
    // Those that matched it may match another meeting instead.
    const copied = await refreshCopiedMatches(tx, { pointedTo: copiedFromIt });
    await writeAudit(tx, actor, {
      action: "meeting.delete",
      entity: "meeting",
      entityId: meeting.id,
      unitId: unit.id,
      before: meetingSnapshot(meeting),
    });
    await refreshMeetingRollups(tx, [{ unitId: unit.id, quarter: meeting.quarter }], copied);
    await refreshMeetingIndicators(tx, actor, unit, meeting.quarter);
    return { id: meeting.id };
  });
}
