import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "~/db/schema";
import { REFUSALS_PER_MINUTE, takeRefusalSlot, unitIdOf, type RefusalBudget } from "~/server/api/refusal-audit";
import { searchAudit } from "~/server/services/audit/search";
import { callerFor, createActor } from "../factories";
import { useTreeDb } from "./test-db";
import { trpcError } from "./trpc-expect";

/** Refused calls leave an audit row (ASVS V16.3.2): who, which procedure, which unit — not the input. */
const t = useTreeDb();

const refusalsOf = (actorId: number | null) =>
  t.db
    .select()
    .from(auditLog)
    .where(
      actorId === null ? eq(auditLog.action, "authz.refused") : and(eq(auditLog.action, "authz.refused"), eq(auditLog.actorId, actorId)),
    )
    .orderBy(desc(auditLog.id));

describe("authz.refused", () => {
  it("records a FORBIDDEN call: the caller, the procedure, the unit asked for", async () => {
    const staff = await createActor(t.db, "staff", t.tree.leafA1);
    const err = await trpcError(callerFor(t.db, staff).report.get({ unitId: t.tree.leafB1.id, quarter: "2026Q3" }));
    expect(err.code).toBe("FORBIDDEN");
    const [row] = await refusalsOf(staff.id);
    expect(row).toMatchObject({ entity: "procedure", entityId: "report.get", unitId: t.tree.leafB1.id });
    expect(row!.after).toMatchObject({ code: "FORBIDDEN", path: "report.get", unitId: t.tree.leafB1.id });
  });

  it("records an UNAUTHORIZED call with no one behind it", async () => {
    const before = (await refusalsOf(null)).length;
    expect((await trpcError(callerFor(t.db, null).unit.tree())).code).toBe("UNAUTHORIZED");
    const rows = await refusalsOf(null);
    expect(rows.length).toBe(before + 1);
    expect(rows[0]).toMatchObject({
      actorId: null,
      entityId: "unit.tree",
      after: { code: "UNAUTHORIZED", path: "unit.tree", unitId: null },
    });
  });

  it("keeps nothing else of the input: a password sent to a refused call is not in the log", async () => {
    const leader = await createActor(t.db, "leader", t.tree.root);
    const victim = await createActor(t.db, "staff", t.tree.leafB1);
    await trpcError(callerFor(t.db, leader).user.resetPassword({ id: victim.id, password: "Hijack-Pass-77" }));
    const [row] = await refusalsOf(leader.id);
    expect(row!.entityId).toBe("user.resetPassword");
    expect(JSON.stringify(row)).not.toContain("Hijack-Pass-77");
  });

  it("does not record calls that were allowed, or failed for other reasons", async () => {
    const staff = await createActor(t.db, "staff", t.tree.leafA2);
    const caller = callerFor(t.db, staff);
    await caller.report.get({ unitId: t.tree.leafA2.id, quarter: "2026Q3" });
    expect((await trpcError(caller.report.get({ unitId: t.tree.leafA2.id, quarter: "2026Q9" }))).code).toBe("BAD_REQUEST");
    expect(await refusalsOf(staff.id)).toHaveLength(0);
  });

  it("can be found in the audit log search by the action prefix", async () => {
    const admin = await createActor(t.db, "admin", t.tree.root);
    const { items } = await searchAudit({ db: t.db, actor: admin }, { action: "authz.", limit: 100 });
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.action === "authz.refused")).toBe(true);
  });
});

describe("the refusal budget", () => {
  it("writes at most the budget per caller and procedure a minute, and the next row says how many were left out", () => {
    const slots: RefusalBudget = new Map();
    const t0 = Date.UTC(2026, 10, 26, 1, 0, 0);
    const written = Array.from({ length: REFUSALS_PER_MINUTE + 5 }, (_, i) => takeRefusalSlot(slots, "u1|user.list", t0 + i * 100));
    expect(written.filter((w) => w.write)).toHaveLength(REFUSALS_PER_MINUTE);
    expect(takeRefusalSlot(slots, "u2|user.list", t0).write).toBe(true); // another caller has their own
    expect(takeRefusalSlot(slots, "u1|user.list", t0 + 60_000)).toEqual({ write: true, suppressed: 5 });
  });

  it("takes only a plausible unit id from the input", () => {
    expect(unitIdOf({ unitId: 12, password: "x" })).toBe(12);
    expect(unitIdOf({ unitId: "12" })).toBe(12);
    expect(unitIdOf({ unitId: -1 })).toBeNull();
    expect(unitIdOf({ unitId: 2 ** 40 })).toBeNull();
    expect(unitIdOf("12")).toBeNull();
    expect(unitIdOf(undefined)).toBeNull();
  });
});
