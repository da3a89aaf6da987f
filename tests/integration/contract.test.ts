import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "~/db/schema";
import { starterIndicators } from "~/scripts/seed/catalogue";
import { callerFor, createActor } from "../factories";
import { useTreeDb } from "./test-db";

const t = useTreeDb();

describe("API contract (DESIGN.md)", () => {
  it("unit.tree lists the caller's subtree with the contract fields, and honours rootId and depth", async () => {
    const leader = callerFor(t.db, await createActor(t.db, "leader", t.tree.branchA));
    const all = await leader.unit.tree();
    expect(all.map((u) => u.id).sort()).toEqual([t.tree.branchA.id, t.tree.leafA1.id, t.tree.leafA2.id].sort());
    expect(all[0]).toMatchObject({
      id: t.tree.branchA.id,
      parentId: t.tree.root.id,
      name: "A局机关党委",
      type: "committee",
      memberCount: 0,
    });

    const admin = callerFor(t.db, await createActor(t.db, "admin", t.tree.root));
    expect((await admin.unit.tree({ rootId: t.tree.root.id, depth: 1 })).map((u) => u.id).sort()).toEqual(
      [t.tree.root.id, t.tree.branchA.id, t.tree.branchB.id].sort(),
    );
    await expect(leader.unit.tree({ rootId: t.tree.branchB.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("unit.tree shows staff their own unit only", async () => {
    const staff = callerFor(t.db, await createActor(t.db, "staff", t.tree.branchA));
    expect((await staff.unit.tree()).map((u) => u.id)).toEqual([t.tree.branchA.id]);
  });

  it("indicator.list returns the catalogue with the contract fields", async () => {
    const staff = callerFor(t.db, await createActor(t.db, "staff", t.tree.leafA1));
    const list = await staff.indicator.list();
    expect(list).toHaveLength(starterIndicators.length);
    expect(list[0]).toMatchObject({
      code: "L1_topic_meetings",
      category: "leadership",
      kind: "count",
      direction: "higher",
      target: 1,
      weight: 1,
    });
    expect(new Set(list.map((i) => i.category))).toEqual(
      new Set(["leadership", "vanguard", "inner_life", "two_skins", "methods", "responsibility"]),
    );
  });

  it("dashboard.overview returns a trend point per quarter with the six categories", async () => {
    const admin = callerFor(t.db, await createActor(t.db, "admin", t.tree.root));
    const res = await admin.dashboard.overview({ unitId: t.tree.root.id, from: "2025Q1", to: "2025Q4" });
    expect(res.trend).toHaveLength(4);
    expect(res.trend[0]).toEqual({
      quarter: "2025Q1",
      composite: null,
      business: null,
      unitCount: 0,
      // Added to the contract: how many units were due to report that quarter (the test tree's six).
      expectedUnits: 6,
      categories: { leadership: null, vanguard: null, inner_life: null, two_skins: null, methods: null, responsibility: null },
    });
  });

  it("every procedure refuses anonymous callers with UNAUTHORIZED", async () => {
    const anon = callerFor(t.db, null);
    const calls = [
      () => anon.me.get(),
      () => anon.unit.tree(),
      () => anon.indicator.list(),
      () => anon.indicator.categories(),
      () => anon.report.get({ unitId: t.tree.root.id, quarter: "2026Q1" }),
      () => anon.report.save({ unitId: t.tree.root.id, quarter: "2026Q1", version: 0, values: [] }),
      () => anon.dashboard.overview({ unitId: t.tree.root.id, from: "2026Q1", to: "2026Q2" }),
    ];
    for (const call of calls) await expect(call()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("audit log", () => {
  it("is append-only: UPDATE, DELETE and TRUNCATE through the app's connection are refused by the database", async () => {
    await t.db.insert(auditLog).values({ action: "test.write", entity: "test" });
    const before = await t.db.select().from(auditLog).orderBy(auditLog.id);
    // drizzle wraps the database error; the database's own message is the cause.
    const refusal = (q: Promise<unknown>) =>
      q.then(
        () => "accepted",
        (err: { cause?: { message?: string } }) => err.cause?.message ?? String(err),
      );
    expect(await refusal(t.db.execute(sql`update audit_log set action = 'tampered'`))).toMatch(/append-only/);
    expect(
      await refusal(
        t.db
          .update(auditLog)
          .set({ after: { tampered: true } })
          .where(eq(auditLog.action, "test.write")),
      ),
    ).toMatch(/append-only/);
    expect(await refusal(t.db.execute(sql`delete from audit_log`))).toMatch(/append-only/);
    expect(await refusal(t.db.delete(auditLog).where(eq(auditLog.action, "test.write")))).toMatch(/append-only/);
    expect(await refusal(t.db.execute(sql`truncate audit_log`))).toMatch(/append-only/);
    expect(await refusal(t.db.execute(sql`truncate only audit_log restart identity cascade`))).toMatch(/append-only/);
    // Inside a transaction too: the refusal aborts it, so the forged row does not survive either.
    expect(
      await refusal(
        t.db.transaction(async (tx) => {
          await tx.insert(auditLog).values({ action: "test.forged", entity: "test" });
          await tx.execute(sql`delete from audit_log where action = 'test.write'`);
        }),
      ),
    ).toMatch(/append-only/);
    expect(await t.db.select().from(auditLog).orderBy(auditLog.id)).toEqual(before);
  });
});
