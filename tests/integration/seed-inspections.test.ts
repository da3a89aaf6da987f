import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { cases, inspections, units } from "~/db/schema";
import { demoStaffUnitName } from "~/scripts/seed/demo-tree";
import { useDemoDb } from "./test-db";

/** The demo 一岗双责 inspections: dated in the past, the inspection-sourced cases linked to one of their own unit. */
const now = new Date("2026-11-26T10:00:00+08:00");
const handle = useDemoDb(now);

describe("demo inspections", () => {
  it("are plausible and source the inspection cases", async () => {
    const { db } = handle;
    const rows = await db
      .select({ i: inspections, unitName: units.name })
      .from(inspections)
      .innerJoin(units, eq(units.id, inspections.unitId));
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(new Set(rows.map((r) => r.i.result))).toEqual(new Set(["pass", "basic", "fail"]));
    for (const { i } of rows) {
      expect(i.inspectedOn <= "2026-11-26").toBe(true);
      expect(i.quarter).toBe(`${i.inspectedOn.slice(0, 4)}Q${Math.floor((Number(i.inspectedOn.slice(5, 7)) - 1) / 3) + 1}`);
      if (i.result !== "pass") expect(i.findings.length).toBeGreaterThan(2);
    }
    expect(rows.some((r) => r.unitName === demoStaffUnitName)).toBe(true);

    const sourced = await db.select().from(cases).where(eq(cases.sourceType, "inspection"));
    expect(sourced.length).toBeGreaterThan(0);
    const byId = new Map(rows.map((r) => [r.i.id, r.i]));
    for (const c of sourced) {
      const source = byId.get(c.sourceId!);
      expect(source?.unitId).toBe(c.unitId);
      expect(source!.result).not.toBe("pass");
      expect(source!.inspectedOn < c.createdAt.toISOString().slice(0, 10)).toBe(true);
    }
    expect(sourced.some((c) => byId.get(c.sourceId!)?.result === "fail")).toBe(true);
  });
});
