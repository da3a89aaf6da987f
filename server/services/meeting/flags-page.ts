import "server-only";
import { queryRows, type Db } from "~/db/client";
import { flagKinds } from "~/lib/codes";
import { checkedRange } from "~/server/lib/quarter-range";
import { assertUnitInScope, type Actor } from "~/server/scope";
import { meetingFlagCounts, meetingFlagsPageSql, toFlag, type FlagRow } from "./flags";
import type { FlagsPageInput } from "./schemas";

/**
 * `meeting.flagsPage`: the flags `meeting.flags` lists, one page at a time — newest quarter first,
 * then unit, date, meeting and kind (`meetingFlagsPageSql`) — optionally of one kind, with how
 * many there are of each kind in the whole range (`total`: of the kind asked for, or all). For a
 * whole tree, where the full list is tens of thousands of rows.
 */
export async function meetingFlagsPage({ db, actor }: { db: Db; actor: Actor }, input: FlagsPageInput) {
  checkedRange(input.from, input.to); // a bad range is the caller's mistake before any scope question
  const unit = await assertUnitInScope(db, actor, input.unitId, "read");
  const range = { from: input.from, to: input.to, subtree: input.subtree };
  const kinds = input.kind ? [input.kind] : flagKinds;
  const [counts, rows] = await Promise.all([
    meetingFlagCounts(db, actor, unit, range),
    queryRows<FlagRow>(db, meetingFlagsPageSql(actor, unit, { ...range, kinds, offset: input.offset, limit: input.limit })),
  ]);
  const total = input.kind ? (counts.kinds[input.kind] ?? 0) : counts.total;
  return { total, offset: input.offset, limit: input.limit, kind: input.kind ?? null, counts, rows: rows.map(toFlag) };
}
