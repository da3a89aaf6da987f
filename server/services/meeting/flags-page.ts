import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "~/db/client";
import type { Unit } from "~/db/schema";
import { flagKinds, type FlagKind } from "~/lib/codes";
import { checkedRange } from "~/server/lib/quarter-range";
import { assertUnitInScope, readableFromSql, type Actor } from "~/server/scope";
import { flagRollupServes, meetingFlagCounts, meetingFlagsPageSql, toFlag, type FlagPageRow, type FlagRange } from "./flags";
import type { FlagsPageInput } from "./schemas";

/**
 * `meeting.flagsPage`: the flags `meeting.flags` lists, one page at a time — newest quarter first,
 * then unit, date, meeting and kind (`meetingFlagsPageSql`) — optionally of one kind, with how
 * many there are in the whole range (`total`: of the kind asked for, or all; the counts of every
 * kind come with `dashboard.meetingQuality`). For a whole tree, where the full list is tens of
 * thousands of rows.
 *
 * When the rollup `subtree_flag_counts` holds exactly the caller's flags (`flagRollupServes`: the
 * whole subtree) the page reads only what it shows (`pageFromRollup`); otherwise — staff, or
 * `subtree: false`: one unit's flags — it sorts the range's flags and cuts the page.
 */
export async function meetingFlagsPage({ db, actor }: { db: Db; actor: Actor }, input: FlagsPageInput) {
  checkedRange(input.from, input.to); // a bad range is the caller's mistake before any scope question
  const unit = await assertUnitInScope(db, actor, input.unitId, "read");
  const range = { from: input.from, to: input.to, subtree: input.subtree };
  const kinds = input.kind ? [input.kind] : flagKinds;
  const window = { ...range, kinds, offset: input.offset, limit: input.limit };
  const { total, rows } = flagRollupServes(actor, range)
    ? await pageFromRollup(db, actor, unit, window)
    : await pageSorted(db, actor, unit, window, input.kind);
  return {
    total,
    offset: input.offset,
    limit: input.limit,
    kind: input.kind ?? null,
    rows: rows.map(({ total: _total, ...row }) => toFlag(row)),
  };
}

type Window = FlagRange & { kinds: readonly FlagKind[]; offset: number; limit: number };
type Page = { total: number; rows: FlagPageRow[] };

/** Every flag of the range sorted, the page cut from them, with the total counted in the same pass. */
async function pageSorted(db: Db, actor: Actor, unit: Pick<Unit, "id" | "path">, w: Window, kind: FlagKind | undefined): Promise<Page> {
  const rows = await queryRows<FlagPageRow>(db, meetingFlagsPageSql(actor, unit, w));
  // Past the last page no row carries the total: counted apart (a pager never asks for it).
  const total =
    rows.length > 0
      ? Number(rows[0]!.total)
      : w.offset === 0
        ? 0
        : await meetingFlagCounts(db, actor, unit, w).then((c) => (kind ? (c.kinds[kind] ?? 0) : c.total));
  return { total, rows };
}

const inList = (xs: readonly string[]) =>
  sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  );

/**
 * The page located with the rollup before any flag is read (the page's order is newest quarter
 * first, then unit name and id): the subtree's flags per quarter (its root's rows, newest first)
 * give the total and the quarters the window falls into; in those quarters, each unit's own flags
 * — its subtree's row less its children's rows — in name, id order give the units whose flags
 * cover the window. Only those units' flags of those quarters are read and sorted. The same rows,
 * order and total as `pageSorted` as long as the rollup is exact (its writers keep it so:
 * server/services/rollup/flag-counts.ts; tests/integration/meeting-flags-page.test.ts compares).
 */
async function pageFromRollup(db: Db, actor: Actor, unit: Pick<Unit, "id" | "path">, w: Window): Promise<Page> {
  const kinds = inList(w.kinds);
  const quarters = await queryRows<{ quarter: string; n: number | string }>(
    db,
    sql`select quarter, sum(flags) as n from subtree_flag_counts
         where root_unit_id = ${unit.id} and quarter >= ${w.from} and quarter <= ${w.to} and kind in (${kinds})
         group by quarter having sum(flags) > 0 order by quarter desc`,
  );
  const end = w.offset + w.limit;
  let total = 0;
  const covering: { quarter: string; before: number }[] = [];
  for (const q of quarters) {
    const n = Number(q.n);
    if (total < end && total + n > w.offset) covering.push({ quarter: q.quarter, before: total });
    total += n;
  }
  if (covering.length === 0) return { total, rows: [] };
  const first = covering[0]!;

  // The window within the covering quarters: [start, start + limit).
  const start = w.offset - first.before;
  const cover = await queryRows<{ unitId: number | string; quarter: string; before: number | string }>(
    db,
    sql`with sub as materialized (
          select u.id, u.parent_id, u.name, s.quarter, sum(s.flags) as n
            from subtree_flag_counts s join units u on u.id = s.root_unit_id
           where ${readableFromSql(actor, unit, "u")} and s.quarter in (${inList(covering.map((c) => c.quarter))})
             and s.kind in (${kinds})
           group by u.id, s.quarter
        ), own as (
          select a.id, a.quarter, a.name, a.n - coalesce(c.n, 0) as n
            from sub a left join (select parent_id, quarter, sum(n) as n from sub where id <> ${unit.id} group by 1, 2) c
              on c.parent_id = a.id and c.quarter = a.quarter
        ), placed as (
          select id, quarter, n, sum(n) over (order by quarter desc, name, id rows between unbounded preceding and current row) - n as before
            from own where n > 0
        )
        select id as "unitId", quarter, before from placed
         where before < ${start + w.limit} and before + n > ${start}
         order by before`,
  );
  if (cover.length === 0) return { total, rows: [] }; // only if the rollup disagreed with itself
  const rows = await queryRows<FlagPageRow>(
    db,
    meetingFlagsPageSql(actor, unit, {
      ...w,
      from: cover.reduce((a, c) => (c.quarter < a ? c.quarter : a), cover[0]!.quarter),
      to: cover.reduce((a, c) => (c.quarter > a ? c.quarter : a), cover[0]!.quarter),
      only: cover.map((c) => ({ unitId: Number(c.unitId), quarter: c.quarter })),
      offset: start - Number(cover[0]!.before),
      withTotal: false,
    }),
  );
  return { total, rows };
}
