import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { caseEvents, cases, meetings, units } from "~/db/schema";
import { buildDemoTree } from "~/scripts/seed/demo-tree";
import { getCase } from "~/server/services/case/get";
import type { Actor } from "~/server/scope";
import { useDemoDb } from "./test-db";

/** The demo cases: on the 重业务轻党建 units, every status, linked sources of the same unit, some overdue. */
const now = new Date("2026-11-26T10:00:00+08:00");
const handle = useDemoDb(now);

describe("demo cases", () => {
  it("are plausible", async () => {
    const { db } = handle;
    const rows = await db.select({ c: cases, unitName: units.name }).from(cases).innerJoin(units, eq(units.id, cases.unitId));
    expect(rows.length).toBe(12);
    const bizFirst = new Set(
      buildDemoTree()
        .filter((u) => u.profile === "bizFirst")
        .map((u) => u.name),
    );
    expect(rows.every((r) => bizFirst.has(r.unitName))).toBe(true);
    expect(new Set(rows.map((r) => r.c.status))).toEqual(new Set(["opened", "investigating", "decided", "rectifying", "closed"]));
    for (const { c } of rows.filter((r) => r.c.sourceType === "flag" || r.c.sourceType === "meeting")) {
      const [m] = await db.select().from(meetings).where(eq(meetings.id, c.sourceId!));
      expect(m?.unitId).toBe(c.unitId);
    }
    expect(rows.some((r) => r.c.sourceType === "flag")).toBe(true);
    const [root] = await db.select().from(units).where(eq(units.depth, 0));
    const admin: Actor = { id: 0, username: "t", displayName: "t", role: "admin", unitId: root!.id, unitPath: root!.path };
    let overdue = 0;
    for (const { c } of rows) {
      const got = await getCase({ db, actor: admin }, { id: c.id }, "2026-11-26");
      overdue += got.overdueItems;
      // The timeline ends at the stored status; closed cases have nothing open.
      expect(got.timeline.at(-1)?.toStatus).toBe(c.status);
      if (c.status === "closed") expect(got.openItems).toBe(0);
    }
    expect(overdue).toBeGreaterThan(0);
    expect((await db.select().from(caseEvents)).length).toBeGreaterThan(12);
  });
});
