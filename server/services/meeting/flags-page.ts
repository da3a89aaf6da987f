import "server-only";
import { queryRows, type Db } from "~/db/client";
import { flagKinds } from "~/lib/codes";
import { checkedRange } from "~/server/lib/quarter-range";
import { assertUnitInScope, type Actor } from "~/server/scope";
import { meetingFlagCounts, meetingFlagsPageSql, toFlag, type FlagPageRow } from "./flags";
import type { FlagsPageInput } from "./schemas";

/**
 * `meeting.flagsPage`: the flags `meeting.flags` lists, one page at a time — newest quarter first,
 * then unit, date, meeting and kind (`meetingFlagsPageSql`) — optionally of one kind, with how
 * many there are in the whole range (`total`: of the kind asked for, or all; the counts of every
 * kind come with `dashboard.meetingQuality`). For a whole tree, where the full list is tens of
 * thousands of rows.
 */
export async function meetingFlagsPage({ db, actor }: { db: Db; actor: Actor }, input: FlagsPageInput) {
  checkedRange(input.from, input.to); // a bad range is the caller's mistake before any scope question
  const unit = await assertUnitInScope(db, actor, input.unitId, "read");
  const range = { from: input.from, to: input.to, subtree: input.subtree };
  const kinds = input.kind ? [input.kind] : flagKinds;
  const rows = await queryRows<FlagPageRow>(
    db,
    meetingFlagsPageSql(actor, unit, { ...range, kinds, offset: input.offset, limit: input.limit }),
  );
  // Past the last page no row carries the total: counted apart (a pager never asks for it).
  const total =
    rows.length > 0
      ? Number(rows[0]!.total)
      : input.offset === 0
        ? 0
        : await meetingFlagCounts(db, actor, unit, range).then((c) => (input.kind ? (c.kinds[input.kind] ?? 0) : c.total));
  return {
    total,
    offset: input.offset,
    limit: input.limit,
    kind: input.kind ?? null,
    rows: rows.map(({ total: _total, ...row }) => toFlag(row)),
  };
}
