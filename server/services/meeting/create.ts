import "server-only";
import type { Db, Tx } from "~/db/client";
import { meetings, type Unit } from "~/db/schema";
import { assertUnitInScope, type Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { recordCorpusChange } from "~/server/services/copy-check/corpus";
import { refreshCopiedMatches, type MatchChange } from "./copied-match";
import { assertQuarterOpen, meetingColumns, meetingSnapshot, type MeetingFields } from "./guards";
import { refreshMeetingIndicators } from "./indicators";
import { refreshMeetingRollups } from "~/server/services/rollup/meeting-quality";
import type { MeetingInput } from "./schemas";

export type MeetingUnit = Pick<Unit, "id" | "type" | "memberCount">;

/**
 * Records one meeting inside the caller's transaction: refuses a locked quarter, stores the
 * derived columns and its copied-minutes match (./copied-match.ts), audits, and refreshes
 * the computed values of the quarter's report. The input must already be validated by
 * `meetingInputSchema`, and the caller checks scope (`assertUnitInScope(…, "write")`). The
 * Excel import passes `refreshReport: false` and refreshes once per quarter itself after its
 * last row; with `refreshRollups: false` it refreshes the meeting-quality rollups once, too —
 * the meetings of other units whose copied-minutes match the write changed are added to
 * `opts.copied` for that (their flags changed).
 */
export async function createMeetingInTx(
  tx: Tx,
  actor: Actor,
  unit: MeetingUnit,
  input: MeetingFields,
  opts: { refreshReport?: boolean; refreshRollups?: boolean; copied?: MatchChange[] } = {},
): Promise<{ id: number }> {
  const columns = meetingColumns(input);
  await assertQuarterOpen(tx, unit.id, columns.quarter);
  const [created] = await tx
    .insert(meetings)
    .values({ ...columns, unitId: unit.id, createdBy: actor.id, updatedBy: actor.id })
    .returning();
  if (!created) throw new Error("meeting insert returned no row");
  await recordCorpusChange(tx, null, { unitId: created.unitId, fingerprint: created.minutesFingerprint });
  const copied = await refreshCopiedMatches(tx, { written: created.id });
  opts.copied?.push(...copied);
  await writeAudit(tx, actor, {
    action: "meeting.create",
    entity: "meeting",
    entityId: created.id,
    unitId: unit.id,
    after: meetingSnapshot(created),
  });
  if (opts.refreshRollups ?? true) await refreshMeetingRollups(tx, [{ unitId: unit.id, quarter: columns.quarter }], copied);
  if (opts.refreshReport ?? true) await refreshMeetingIndicators(tx, actor, unit, columns.quarter);
  return { id: created.id };
}

/** `meeting.create`: staff of the unit (or an admin) record a meeting. */
export async function createMeeting({ db, actor }: { db: Db; actor: Actor }, input: MeetingInput) {
  const unit = await assertUnitInScope(db, actor, input.unitId, "write");
  const { unitId: _unitId, ...fields } = input;
  return db.transaction((tx) => createMeetingInTx(tx, actor, unit, fields));
}
