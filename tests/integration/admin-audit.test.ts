import { beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "~/db/schema";
import type { Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { callerFor, createActor } from "../factories";
import { useTreeDb } from "./test-db";
import { fieldErrorsOf, outcomeOf } from "./trpc-expect";

const t = useTreeDb();
let admin: ReturnType<typeof callerFor>;
let alice: Actor;
let bob: Actor;

beforeAll(async () => {
  admin = callerFor(t.db, await createActor(t.db, "admin", t.tree.root));
  alice = await createActor(t.db, "staff", t.tree.leafA1);
  bob = await createActor(t.db, "reviewer", t.tree.branchB);
  // 30 entries: alternating actors and units, three kinds of action.
  for (let i = 0; i < 30; i++) {
    const who = i % 2 === 0 ? alice : bob;
    const action = ["report.save", "report.submit", "reportcard.test"][i % 3]!;
    await writeAudit(t.db, who, { action, entity: "report", entityId: i, unitId: who.unitId, before: { n: i - 1 }, after: { n: i } });
  }
  // Two with fixed times, to filter by date (Beijing time).
  await t.db.insert(auditLog).values([
    { at: new Date("2026-03-01T02:00:00Z"), actorId: alice.id, action: "old.entry", entity: "x", unitId: alice.unitId },
    { at: new Date("2026-03-02T15:30:00Z"), actorId: alice.id, action: "old.entry", entity: "x", unitId: alice.unitId }, // 2026-03-02 23:30 in Beijing
  ]);
});

describe("audit.search", () => {
  it("returns entries newest first with actor, unit and before/after", async () => {
    const { items } = await admin.audit.search({ action: "report.", limit: 3 });
    expect(items.map((e) => e.id)).toEqual([...items.map((e) => e.id)].sort((a, b) => b - a));
    expect(items[0]).toMatchObject({
      action: "report.submit",
      entity: "report",
      actorUsername: alice.username,
      actorDisplayName: "测试staff",
      unitName: "A局第一党支部",
      before: { n: 27 },
      after: { n: 28 },
    });
    expect(items[0]!.at).toBeInstanceOf(Date);
  });

  it("filters by unit, actor id, username and action prefix (wildcards are literal)", async () => {
    const all = async (input: Parameters<typeof admin.audit.search>[0]) => (await admin.audit.search({ ...input, limit: 100 })).items;
    expect((await all({ unitId: t.tree.leafA1.id, action: "report" })).every((e) => e.actorId === alice.id)).toBe(true);
    expect(await all({ unitId: t.tree.leafA1.id, action: "report" })).toHaveLength(15);
    expect(await all({ actorId: bob.id })).toHaveLength(15);
    expect((await all({ username: alice.username })).length).toBe(17);
    expect(await all({ username: "nobody" })).toEqual([]);
    expect(await all({ action: "report." })).toHaveLength(20);
    expect(await all({ action: "report" })).toHaveLength(30);
    expect(await all({ action: "report_" })).toHaveLength(0); // "_" is not a wildcard
    expect(await all({ action: "report.sub", actorId: alice.id })).toHaveLength(5);
  });

  it("filters by date, whole days in Beijing time", async () => {
    const days = async (from?: string, to?: string) => (await admin.audit.search({ action: "old.", from, to })).items.length;
    expect(await days("2026-03-01", "2026-03-01")).toBe(1);
    expect(await days("2026-03-02", "2026-03-02")).toBe(1);
    expect(await days("2026-03-01", "2026-03-02")).toBe(2);
    expect(await days("2026-03-03")).toBe(0);
    expect(await days(undefined, "2026-02-28")).toBe(0);
    expect(Object.keys(await fieldErrorsOf(admin.audit.search({ from: "2026-03-05", to: "2026-03-01" })))).toEqual(["to"]);
    expect(Object.keys(await fieldErrorsOf(admin.audit.search({ from: "yesterday" })))).toEqual(["from"]);
    expect(Object.keys(await fieldErrorsOf(admin.audit.search({ limit: 101 })))).toEqual(["limit"]);
  });

  it("pages without gaps or duplicates, even while new entries are written", async () => {
    const want = (await admin.audit.search({ action: "report", limit: 100 })).items.map((e) => e.id);
    const seen: number[] = [];
    let cursor: number | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof admin.audit.search>> = await admin.audit.search({ action: "report", limit: 7, cursor });
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
      if (pages++ === 1) await writeAudit(t.db, alice, { action: "report.save", entity: "report", unitId: alice.unitId });
    } while (cursor !== null);
    expect(pages).toBe(5);
    expect(seen).toEqual(want);
  });
});

describe("authorization", () => {
  it.each(["leader", "reviewer", "staff"] as const)("refuses the audit log to %s", async (role) => {
    const caller = callerFor(t.db, await createActor(t.db, role, role === "staff" ? t.tree.leafA1 : t.tree.root));
    expect(await outcomeOf(caller.audit.search({}))).toBe("FORBIDDEN");
    expect(await outcomeOf(caller.audit.search({ unitId: t.tree.leafA1.id }))).toBe("FORBIDDEN");
  });
});
