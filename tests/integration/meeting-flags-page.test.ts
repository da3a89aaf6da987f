import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "~/db/client";
import { dutyReports } from "~/db/schema";
import { flagKinds, type FlagKind } from "~/lib/codes";
import { refreshDutyReportCopy } from "~/server/services/assessment/duty-copy";
import type { MeetingFlag } from "~/server/services/meeting/flags";
import { callerFor, createActor } from "../factories";
import { flagTally, naiveMeetingFlags } from "../oracles/naive";
import { copyCorpus } from "../unit/fixtures/copy-corpus";
import { freshBranch, meetingInput, minutesTexts, nearCopy } from "./meeting-fixtures";
import { fieldErrorsOf, outcomeOf } from "./trpc-expect";
import { useDemoDb, useTreeDb, type Caller } from "./test-db";
import type { Actor } from "~/server/scope";

/**
 * issue 16: the formalism flags counted by kind (`dashboard.meetingQuality.flagCounts`) and listed
 * a page at a time (`meeting.flagsPage`), read from one partial index per kind — checked against
 * the one-scan query they replace (`naiveMeetingFlags`), on the demo data and on hand-made flags of
 * every kind.
 */

const key = (f: MeetingFlag) => JSON.stringify([f.kind, f.unitId, f.quarter, f.meetingId, f.evidence]);
const tally = flagTally;
/** The page order: newest quarter first, then unit name, unit id, date (none last), meeting (none last), kind. */
const pageOrder = (a: MeetingFlag, b: MeetingFlag) =>
  cmp(b.quarter, a.quarter) ||
  cmp(a.unitName, b.unitName) ||
  a.unitId - b.unitId ||
  cmp(a.date ?? "\uffff", b.date ?? "\uffff") ||
  (a.meetingId ?? Infinity) - (b.meetingId ?? Infinity) ||
  cmp(a.kind, b.kind);
// Byte order, as the test databases collate ("C"); the names compared here differ early enough either way.
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

type Range = { unitId: number; from: string; to: string };

/** Every page of `limit` flags (of `kind`), in order, checking each page's total and bounds. */
async function allPages(caller: Caller, range: Range, limit: number, kind?: FlagKind) {
  const rows: MeetingFlag[] = [];
  let total = -1;
  for (let offset = 0; ; offset += limit) {
    const page = await caller.meeting.flagsPage({ ...range, kind, offset, limit });
    if (total === -1) total = page.total;
    expect(page.total).toBe(total);
    expect(page.rows.length).toBe(Math.max(0, Math.min(limit, total - offset)));
    rows.push(...page.rows);
    if (page.rows.length < limit) break;
  }
  return { total, rows };
}

/** The new reads agree with the old full list: the same flags, counts and, across pages, every flag once in page order. */
async function agreesWithTheFullList(
  caller: Caller,
  actor: { db: Parameters<typeof naiveMeetingFlags>[0]["db"]; actor: Actor },
  range: Range,
) {
  const naive = await naiveMeetingFlags(actor, range);
  const listed = await caller.meeting.flags(range);
  expect(listed.map(key).sort()).toEqual(naive.map(key).sort());

  const q = await caller.dashboard.meetingQuality(range);
  expect(q.flagCounts).toEqual({ total: naive.length, kinds: tally(naive) });

  const { total, rows } = await allPages(caller, range, 7);
  expect(total).toBe(naive.length);
  expect(rows.map(key)).toEqual([...naive].sort(pageOrder).map(key));
  expect(new Set(rows.map(key)).size).toBe(rows.length);

  for (const kind of flagKinds) {
    const one = await allPages(caller, range, 50, kind);
    expect(one.total).toBe(tally(naive)[kind] ?? 0);
    expect(one.rows.every((f) => f.kind === kind)).toBe(true);
    expect(one.rows.map(key)).toEqual(
      naive
        .filter((f) => f.kind === kind)
        .sort(pageOrder)
        .map(key),
    );
  }
  return naive;
}

/**
 * Windows of the page cut where the new read is most likely to slip — across each boundary
 * between two quarters (and, within one, between two units), at the first and last flag, and past
 * the end — each checked against the same window of the full list sorted in the page order, with
 * the total. `kind`: that kind's flags only (which some quarters lack).
 */
async function windowsAgree(
  caller: Caller,
  actor: { db: Parameters<typeof naiveMeetingFlags>[0]["db"]; actor: Actor },
  range: Range,
  kind?: FlagKind,
) {
  const naive = (await naiveMeetingFlags(actor, range)).filter((f) => !kind || f.kind === kind).sort(pageOrder);
  const n = naive.length;
  const windows: { offset: number; limit: number }[] = [
    { offset: 0, limit: 200 },
    { offset: Math.max(0, n - 1), limit: 5 },
    { offset: n, limit: 5 },
    { offset: n + 10, limit: 50 },
  ];
  let quarterBoundaries = 0;
  for (let i = 1; i < n; i++) {
    const newQuarter = naive[i]!.quarter !== naive[i - 1]!.quarter;
    const newUnit = naive[i]!.unitId !== naive[i - 1]!.unitId;
    if (newQuarter) quarterBoundaries++;
    if (newQuarter || (newUnit && i % 5 === 0)) {
      windows.push({ offset: i - 1, limit: 2 }, { offset: Math.max(0, i - 3), limit: 7 }, { offset: i, limit: 1 });
    }
  }
  for (const w of windows) {
    const page = await caller.meeting.flagsPage({ ...range, kind, ...w });
    expect({ w, total: page.total, rows: page.rows.map(key) }).toEqual({
      w,
      total: n,
      rows: naive.slice(w.offset, w.offset + w.limit).map(key),
    });
  }
  return { flags: n, quarterBoundaries };
}

describe("meeting.flagsPage and the flag counts on the demo data", () => {
  const t = useDemoDb(new Date("2026-12-06T04:00:00Z"));
  let range: { from: string; to: string };

  beforeAll(async () => {
    const [r] = await queryRows<{ from: string; to: string }>(t.db, sql`select min(quarter) as "from", max(quarter) as "to" from meetings`);
    range = r!;
  });

  async function signedIn(role: "admin" | "leader" | "staff", unitId: number) {
    const [unit] = await queryRows<{ id: number; path: string }>(t.db, sql`select id, path from units where id = ${unitId}`);
    const actor = await createActor(t.db, role, unit!);
    return { caller: callerFor(t.db, actor), ctx: { db: t.db, actor } };
  }

  it("agrees with the full list for the whole tree over every quarter with meetings", async () => {
    const [root] = await queryRows<{ id: number }>(t.db, sql`select id from units where parent_id is null order by id limit 1`);
    const { caller, ctx } = await signedIn("leader", root!.id);
    const naive = await agreesWithTheFullList(caller, ctx, { unitId: root!.id, ...range });
    expect(naive.length).toBeGreaterThan(20); // the demo plants flags of several kinds
    expect(Object.keys(tally(naive)).length).toBeGreaterThanOrEqual(3);
    expect((await windowsAgree(caller, ctx, { unitId: root!.id, ...range })).quarterBoundaries).toBeGreaterThanOrEqual(1);
    for (const kind of flagKinds) await windowsAgree(caller, ctx, { unitId: root!.id, ...range }, kind);
  });

  it("agrees for a mid-level subtree and one quarter, and for staff's own unit", async () => {
    const [mid] = await queryRows<{ id: number }>(
      t.db,
      sql`select u.id from units u join meetings m on m.unit_id = u.id where u.depth = 1 group by u.id order by u.id limit 1`,
    );
    const leader = await signedIn("leader", mid!.id);
    await agreesWithTheFullList(leader.caller, leader.ctx, { unitId: mid!.id, from: range.to, to: range.to });
    await agreesWithTheFullList(leader.caller, leader.ctx, { unitId: mid!.id, ...range });
    await windowsAgree(leader.caller, leader.ctx, { unitId: mid!.id, ...range });
    const [leaf] = await queryRows<{ id: number }>(
      t.db,
      sql`select m.unit_id as id from meetings m group by m.unit_id order by count(*) desc, m.unit_id limit 1`,
    );
    const staff = await signedIn("staff", leaf!.id);
    await agreesWithTheFullList(staff.caller, staff.ctx, { unitId: leaf!.id, ...range });
    await windowsAgree(staff.caller, staff.ctx, { unitId: leaf!.id, ...range });
  });

  it("refuses a unit outside the caller's scope, and a bad page size with a field message", async () => {
    const [a, b] = await queryRows<{ id: number }>(t.db, sql`select id from units where depth = 1 order by id limit 2`);
    const { caller } = await signedIn("leader", a!.id);
    expect(await outcomeOf(caller.meeting.flagsPage({ unitId: b!.id, ...range }))).toBe("FORBIDDEN");
    expect(await outcomeOf(caller.dashboard.meetingQuality({ unitId: b!.id, ...range }))).toBe("FORBIDDEN");
    expect(await fieldErrorsOf(caller.meeting.flagsPage({ unitId: a!.id, ...range, limit: 0 }))).toHaveProperty("limit");
    expect(await fieldErrorsOf(caller.meeting.flagsPage({ unitId: a!.id, ...range, offset: -1 }))).toHaveProperty("offset");
  });
});

describe("meeting.flagsPage and the flag counts on hand-made flags of every kind", () => {
  const t = useTreeDb();
  let admin: Caller;
  let adminActor: Actor;
  let unitIds: number[];
  let units: { id: number; path: string }[];

  beforeAll(async () => {
    adminActor = await createActor(t.db, "admin", t.tree.root);
    admin = callerFor(t.db, adminActor);
    const a = await freshBranch(t.db, "甲预警支部", t.tree.branchA);
    const b = await freshBranch(t.db, "乙预警支部", t.tree.branchA);
    const c = await freshBranch(t.db, "丙预警支部", t.tree.branchB);
    unitIds = [a.id, b.id, c.id];
    units = [a, b, c];
    const meet = (unitId: number, over: Parameters<typeof meetingInput>[1]) => admin.meeting.create(meetingInput(unitId, over));
    // zero_criticism: at an 组织生活会, twice in two quarters; none at a 党小组会.
    await meet(a.id, { type: "org_life", date: "2025-05-10", criticalOpinions: 0 });
    await meet(b.id, { type: "democratic_life", date: "2025-08-10", criticalOpinions: 0 });
    await meet(b.id, { type: "group", date: "2025-08-11", criticalOpinions: 0 });
    // low_attendance: 7 of 12, and exactly two thirds (8 of 12) not flagged.
    await meet(a.id, { date: "2025-04-10", expected: 12, present: 7 });
    await meet(c.id, { date: "2025-04-11", expected: 12, present: 8 });
    // copied_minutes: c copies a's minutes (another unit), and its own earlier meeting.
    await meet(a.id, { date: "2025-05-08", minutes: minutesTexts.budget });
    await meet(c.id, { date: "2025-05-20", minutes: nearCopy(minutesTexts.budget) });
    // quarter_end_bunching: all of b's Q3 meetings above are early, so b's late ones are not flagged;
    // a's Q3: three meetings, all in the last 10 days (one of them also a zero_criticism flag).
    for (const date of ["2025-09-21", "2025-09-26"]) await meet(a.id, { date });
    await meet(a.id, { type: "org_life", date: "2025-09-30", criticalOpinions: 0 });
    for (const date of ["2025-09-25", "2025-09-28", "2025-09-29"]) await meet(b.id, { date });
    // copied_duty_report: c's 2025 report copies a's (listed in 2025Q4).
    const { originals, pairs } = copyCorpus();
    const original = originals.find((d) => d.kind === "duty_report")!;
    const disguised = pairs.find((p) => p.copied && p.a.id === original.id && p.how.split("+").length === 5)!.b.text;
    for (const [unitId, text] of [
      [a.id, original.text],
      [c.id, disguised],
    ] as const) {
      const [row] = await t.db.insert(dutyReports).values({ unitId, year: 2025, text }).returning({ id: dutyReports.id });
      await t.db.transaction((tx) => refreshDutyReportCopy(tx, row!.id));
    }
  });

  it("raises every kind, and agrees with the full list across pages, kinds and subtrees", async () => {
    const naive = await agreesWithTheFullList(
      admin,
      { db: t.db, actor: adminActor },
      { unitId: t.tree.root.id, from: "2025Q1", to: "2025Q4" },
    );
    const ours = tally(naive.filter((f) => unitIds.includes(f.unitId)));
    expect(ours).toMatchObject({ zero_criticism: 3, low_attendance: 1, quarter_end_bunching: 1, copied_duty_report: 1 });
    expect(ours.copied_minutes).toBeGreaterThanOrEqual(1); // the planted copy, and any the fixture's usual minutes match
    await agreesWithTheFullList(admin, { db: t.db, actor: adminActor }, { unitId: t.tree.branchA.id, from: "2025Q3", to: "2025Q3" });
  });

  it("keeps the page order: newest quarter first, then unit", async () => {
    const page = await admin.meeting.flagsPage({ unitId: t.tree.root.id, from: "2025Q1", to: "2025Q4", limit: 200 });
    expect(page.rows.map((f) => f.quarter)).toEqual([...page.rows.map((f) => f.quarter)].sort().reverse());
    expect(page.rows[0]).toMatchObject({ quarter: "2025Q4", kind: "copied_duty_report" });
    expect(page).toMatchObject({ offset: 0, limit: 200, kind: null });
  });

  it("answers an empty page past the end, with the same total", async () => {
    const all = await admin.meeting.flagsPage({ unitId: t.tree.root.id, from: "2025Q1", to: "2025Q4" });
    const past = await admin.meeting.flagsPage({ unitId: t.tree.root.id, from: "2025Q1", to: "2025Q4", offset: all.total + 5 });
    expect(past).toMatchObject({ total: all.total, rows: [] });
  });

  it("cuts every window as the full list does: across quarters and units, past the end, of kinds some quarters lack, over quarters without flags", async () => {
    const root = { db: t.db, actor: adminActor };
    const leaderActor = await createActor(t.db, "leader", t.tree.branchA);
    const leaderA = { caller: callerFor(t.db, leaderActor), ctx: { db: t.db, actor: leaderActor } };
    const staffActor = await createActor(t.db, "staff", units[0]!);
    const staff = { caller: callerFor(t.db, staffActor), ctx: { db: t.db, actor: staffActor } };
    // 2024 and 2026 hold no flags: quarters the rollup has no rows for, on both sides of 2025.
    const wide = { from: "2024Q1", to: "2026Q4" };
    const all = await windowsAgree(admin, root, { unitId: t.tree.root.id, ...wide });
    expect(all.quarterBoundaries).toBeGreaterThanOrEqual(2);
    for (const kind of flagKinds) await windowsAgree(admin, root, { unitId: t.tree.root.id, ...wide }, kind);
    // copied_duty_report is only in 2025Q4, quarter_end_bunching only in 2025Q3: zero in the others.
    const perKind = await queryRows<{ kind: FlagKind; quarters: number }>(
      t.db,
      sql`select kind, count(*)::int as quarters from subtree_flag_counts
           where root_unit_id = ${t.tree.root.id} and quarter between '2025Q1' and '2025Q4' group by kind`,
    );
    expect(perKind.some((k) => k.quarters < 4)).toBe(true);
    // A mid-level leader (the rollup of branch A), and staff of a branch (the sorted read, own unit only).
    expect((await windowsAgree(leaderA.caller, leaderA.ctx, { unitId: t.tree.branchA.id, ...wide })).flags).toBeGreaterThan(0);
    await windowsAgree(leaderA.caller, leaderA.ctx, { unitId: t.tree.branchA.id, from: "2025Q3", to: "2025Q4" }, "zero_criticism");
    expect((await windowsAgree(staff.caller, staff.ctx, { unitId: units[0]!.id, ...wide })).flags).toBeGreaterThan(0);
    // A range with no flag at all.
    expect(await windowsAgree(admin, root, { unitId: t.tree.root.id, from: "2023Q1", to: "2024Q4" })).toEqual({
      flags: 0,
      quarterBoundaries: 0,
    });
  });

  it("reads the total and the window from subtree_flag_counts for the whole subtree, not for staff or subtree: false", async () => {
    const range = { unitId: t.tree.root.id, from: "2025Q1", to: "2025Q4" };
    const before = await admin.meeting.flagsPage({ ...range, limit: 200 });
    const staffActor = await createActor(t.db, "staff", t.tree.root);
    const staff = callerFor(t.db, staffActor);
    const staffBefore = await staff.meeting.flagsPage(range);
    const own = await admin.meeting.flagsPage({ ...range, subtree: false });
    // A rollup that claims 100 more flags in 2025Q4 at the root (its own, as no child's row says so).
    const bump = (by: number) =>
      t.db.execute(sql`update subtree_flag_counts set flags = flags + ${by}
                        where root_unit_id = ${t.tree.root.id} and quarter = '2025Q4' and kind = 'copied_duty_report'`);
    await bump(100);
    try {
      const after = await admin.meeting.flagsPage({ ...range, limit: 200 });
      expect(after.total).toBe(before.total + 100);
      // The page's quarters are located from the rollup: 2025Q4 now seems to hold 100 more, so a
      // window just past its real flags is placed in 2025Q4 (the root's phantom ones), where the
      // sorted read would give 2025Q3's.
      const q4 = before.rows.filter((f) => f.quarter === "2025Q4").length;
      expect(before.rows[q4 + 1]?.quarter).toBe("2025Q3");
      const shifted = await admin.meeting.flagsPage({ ...range, offset: q4 + 1, limit: 5 });
      expect(shifted.rows.filter((f) => f.quarter !== "2025Q4")).toEqual([]);
      expect(await staff.meeting.flagsPage(range)).toEqual(staffBefore);
      expect(await admin.meeting.flagsPage({ ...range, subtree: false })).toEqual(own);
    } finally {
      await bump(-100);
    }
    expect(await admin.meeting.flagsPage({ ...range, limit: 200 })).toEqual(before);
  });

  it("refuses a unit outside a leader's scope", async () => {
    const leaderA = callerFor(t.db, await createActor(t.db, "leader", t.tree.branchA));
    expect(await outcomeOf(leaderA.meeting.flagsPage({ unitId: t.tree.branchB.id, from: "2025Q1", to: "2025Q4" }))).toBe("FORBIDDEN");
  });
});
