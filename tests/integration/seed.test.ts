import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { and, count, countDistinct, eq, max } from "drizzle-orm";
import { createTestDb, type TestDb } from "./test-db";
import { auditLog, categories, indicators, meetings, reports, reportValues, units, users } from "../../db/schema";
import { seedDemo } from "~/scripts/seed";
import { buildDemoTree, demoStaffUnitName } from "~/scripts/seed/demo-tree";
import { flagKinds } from "~/lib/codes";
import { meetingFlags } from "../../server/services/meeting/flags";
import { computeMeetingIndicators } from "../../server/services/meeting/indicators";
import { meetingQuality } from "~/lib/scoring/meeting-quality";
import { copyBands, copyRules, textFingerprint } from "~/lib/text-similarity";
import { allCommonClauses } from "~/server/services/copy-check/corpus";
import type { Actor } from "../../server/scope";
import { scoreReport } from "~/lib/scoring/compose";
import { effectiveCategories, effectiveIndicators } from "../../server/services/catalogue/effective";
import { lastQuarters } from "~/lib/quarter";

const now = new Date("2026-11-26T10:00:00+08:00");
let handle: TestDb;

async function counts() {
  const { db } = handle;
  const n = async (
    table: typeof units | typeof users | typeof reports | typeof reportValues | typeof auditLog | typeof categories | typeof indicators,
  ) => (await db.select({ n: count() }).from(table))[0]?.n ?? 0;
  return {
    units: await n(units),
    users: await n(users),
    reports: await n(reports),
    values: await n(reportValues),
    audit: await n(auditLog),
    categories: await n(categories),
    indicators: await n(indicators),
  };
}

beforeAll(async () => {
  handle = await createTestDb();
});

afterAll(async () => {
  await handle?.close();
});

describe("seedDemo", () => {
  it("creates the demo tree, the four accounts and eight quarters of history", async () => {
    const { db } = handle;
    expect(await seedDemo(db, { now })).toEqual({ created: true });

    const c = await counts();
    expect(c.units).toBeGreaterThanOrEqual(40);
    expect(c.categories).toBe(6);
    expect(c.indicators).toBe(22);
    const [levels] = await db.select({ n: countDistinct(units.depth), deepest: max(units.depth) }).from(units);
    expect(levels?.n).toBeGreaterThanOrEqual(3);

    // path / depth are consistent with parentId
    const all = await db.select().from(units);
    const byId = new Map(all.map((u) => [u.id, u]));
    for (const u of all) {
      const parent = u.parentId === null ? null : byId.get(u.parentId);
      expect(u.path).toBe(`${parent?.path ?? "/"}${u.id}/`);
      expect(u.depth).toBe(parent ? parent.depth + 1 : 0);
    }

    const accounts = await db.select().from(users);
    expect(accounts.map((u) => u.username).sort()).toEqual(["admin", "leader", "reviewer", "staff"]);
    const root = all.find((u) => u.parentId === null)!;
    for (const u of accounts) {
      if (u.username === "staff") {
        const unit = byId.get(u.unitId)!;
        expect(unit.name).toBe(demoStaffUnitName);
        expect(unit.type).toBe("branch");
        expect(all.some((x) => x.parentId === unit.id)).toBe(false); // a leaf
      } else expect(u.unitId).toBe(root.id);
    }

    const quarters = lastQuarters(8, now);
    expect(quarters[0]).toBe("2024Q4");
    const stored = await db.selectDistinct({ quarter: reports.quarter }).from(reports).orderBy(reports.quarter);
    expect(stored.map((r) => r.quarter)).toEqual(quarters);
    // every report has a value for every indicator typed in; the two computed from meetings
    // exist only where something was expected (I1) or a life meeting held (I2)
    const manual = await db
      .select({ n: count() })
      .from(reportValues)
      .innerJoin(indicators, eq(indicators.code, reportValues.indicatorCode))
      .where(eq(indicators.source, "manual"));
    expect(manual[0]?.n).toBe(c.reports * 19);
    expect(c.values).toBeGreaterThan(c.reports * 20);
    expect(c.values).toBeLessThan(c.reports * 22);
    // older quarters: one approved report per unit; the newest a mix with some units missing
    const older = await db
      .select({ n: count() })
      .from(reports)
      .where(and(eq(reports.quarter, "2026Q2"), eq(reports.status, "approved")));
    expect(older[0]?.n).toBe(c.units);
    const newest = await db.select({ status: reports.status, unitId: reports.unitId }).from(reports).where(eq(reports.quarter, "2026Q3"));
    expect(newest.length).toBeLessThan(c.units);
    expect(new Set(newest.map((r) => r.status))).toEqual(new Set(["approved", "submitted", "draft"]));
    const staff = accounts.find((u) => u.username === "staff")!;
    expect(newest.some((r) => r.unitId === staff.unitId)).toBe(false);

    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "seed.demo"));
    expect(audit).toMatchObject({ entity: "system", actorId: null });

    // Sequences moved past the explicit ids: a new unit gets a fresh id.
    const [added] = await db.insert(units).values({ name: "临时", type: "branch", path: "/", depth: 1 }).returning();
    expect(added!.id).toBeGreaterThan(c.units);
    await db.delete(units).where(eq(units.id, added!.id));
  });

  it("is idempotent: a second run changes nothing", async () => {
    const before = await counts();
    expect(await seedDemo(handle.db, { now })).toEqual({ created: false });
    expect(await counts()).toEqual(before);
  });

  it("records meetings whose formalism flags show on the units that put business first", async () => {
    const { db } = handle;
    const all = await db.select().from(meetings);
    expect(all.length).toBeGreaterThan(1000);
    const quarters = lastQuarters(8, now);
    expect(all.every((m) => m.quarter >= quarters[0]! && m.quarter <= quarters.at(-1)! && m.present <= m.expected)).toBe(true);
    const sample = all.slice(0, 50);
    // Banded as the app bands: without the corpus-common clauses (server/services/copy-check/corpus.ts).
    const common = await allCommonClauses(db);
    for (const m of sample) {
      expect(m.qualityScore).toBe(meetingQuality(m).total);
      expect({ minutesFingerprint: m.minutesFingerprint, copyBands: m.copyBands }).toEqual({
        minutesFingerprint: textFingerprint(m.minutes),
        copyBands: copyBands(textFingerprint(m.minutes), common),
      });
    }
    // Minutes read like minutes, and differ from one another.
    expect(new Set(all.map((m) => m.minutes)).size).toBeGreaterThan(all.length * 0.9);

    const [root] = await db.select().from(units).where(eq(units.depth, 0));
    const admin: Actor = { id: 0, username: "t", displayName: "t", role: "admin", unitId: root!.id, unitPath: root!.path };
    const profiles = new Map(buildDemoTree().map((u) => [u.name, u.profile]));
    const unitRows = await db.select().from(units);
    const flagsOf = async (profile: string) => {
      const out = [];
      for (const u of unitRows.filter((x) => profiles.get(x.name) === profile)) {
        out.push(...(await meetingFlags({ db, actor: admin }, { unitId: u.id, from: quarters[0]!, to: quarters.at(-1)!, subtree: false })));
      }
      return out;
    };
    const bizFirst = await flagsOf("bizFirst");
    // The meetings' own flags (a copied duty report comes from the annual assessment's demo data).
    for (const kind of flagKinds.filter((k) => k !== "copied_duty_report"))
      expect(
        bizFirst.some((f) => f.kind === kind),
        kind,
      ).toBe(true);
    // The strong units keep a clean record.
    expect(await flagsOf("strong")).toEqual([]);

    // The reports' I1 / I2 are the values the meetings give.
    const checked = await db
      .select({ unit: units, quarter: reports.quarter, reportId: reports.id })
      .from(reports)
      .innerJoin(units, eq(units.id, reports.unitId))
      .where(eq(reports.quarter, "2025Q4"));
    for (const r of checked) {
      const expected = await computeMeetingIndicators(db, r.unit, r.quarter);
      const stored = await db.select().from(reportValues).where(eq(reportValues.reportId, r.reportId));
      for (const code of ["I1_three_one_rate", "I2_life_meeting_quality"]) {
        expect(stored.find((v) => v.indicatorCode === code)?.value ?? null, `${r.unit.name} ${code}`).toBe(expected[code]);
      }
    }
  });

  it("stores the copied-minutes match of the copied meetings, and flags the whole tree from it", async () => {
    const { db } = handle;
    const quarters = lastQuarters(8, now);
    const [root] = await db.select().from(units).where(eq(units.depth, 0));
    const admin: Actor = { id: 0, username: "t", displayName: "t", role: "admin", unitId: root!.id, unitPath: root!.path };
    const flags = await meetingFlags({ db, actor: admin }, { unitId: root!.id, from: quarters[0]!, to: quarters.at(-1)! });
    const copied = flags.filter((f) => f.kind === "copied_minutes");
    const all = await db.select().from(meetings);
    const byId = new Map(all.map((m) => [m.id, m]));
    const stored = all.filter((m) => m.copiedFromId !== null);
    expect(stored.length).toBeGreaterThan(20);
    // One flag per stored match, only on units that put business first, with the source as evidence.
    expect(copied.map((f) => f.meetingId).sort((a, b) => a! - b!)).toEqual(stored.map((m) => m.id).sort((a, b) => a - b));
    const profiles = new Map(buildDemoTree().map((u) => [u.name, u.profile]));
    const unitNames = new Map((await db.select().from(units)).map((u) => [u.id, u.name]));
    for (const f of copied) {
      const m = byId.get(f.meetingId!)!;
      const source = byId.get(m.copiedFromId!)!;
      expect(profiles.get(f.unitName)).toBe("bizFirst");
      expect(f.evidence).toEqual({
        otherMeetingId: source.id,
        otherUnitId: source.unitId,
        otherUnitName: unitNames.get(source.unitId),
        otherDate: source.date,
        otherQuarter: source.quarter,
        otherReadable: true,
        sameUnit: source.unitId === m.unitId,
        similarity: Math.round(m.copiedSimilarity! * 100) / 100,
      });
      expect(m.copiedSimilarity!).toBeGreaterThanOrEqual(copyRules.threshold);
      // The source is another unit's meeting, or an earlier one of the same unit.
      expect(source.unitId !== m.unitId || source.date < m.date || (source.date === m.date && source.id < m.id)).toBe(true);
    }
    // The tree's flags are the units' own flags put together.
    const perUnit = [];
    for (const u of await db.select().from(units)) {
      perUnit.push(
        ...(await meetingFlags({ db, actor: admin }, { unitId: u.id, from: quarters[0]!, to: quarters.at(-1)!, subtree: false })),
      );
    }
    const key = (f: (typeof flags)[number]) => `${f.unitId}:${f.quarter}:${f.kind}:${f.meetingId}`;
    expect(perUnit.map(key).sort()).toEqual(flags.map(key).sort());
  });

  it("shows units that put business first (业务 ≥ 85, 党建 ≤ 60) in the newest approved quarter", async () => {
    const { db } = handle;
    const catalogue = await effectiveIndicators(db, "2026Q3");
    const weights = Object.fromEntries((await effectiveCategories(db, "2026Q3")).map((c) => [c.code, c.weight]));
    const rows = await db
      .select({
        reportId: reports.id,
        unitId: reports.unitId,
        business: reports.businessScore,
        code: reportValues.indicatorCode,
        value: reportValues.value,
      })
      .from(reports)
      .innerJoin(reportValues, eq(reportValues.reportId, reports.id))
      .where(and(eq(reports.quarter, "2026Q3"), eq(reports.status, "approved")));
    const byReport = new Map<number, { business: number | null; values: Record<string, number> }>();
    for (const r of rows) {
      const entry = byReport.get(r.reportId) ?? { business: r.business, values: {} };
      entry.values[r.code] = r.value;
      byReport.set(r.reportId, entry);
    }
    const composites = [...byReport.values()].map((r) => ({
      business: r.business ?? 0,
      composite: scoreReport(catalogue, weights, r.values).composite ?? 100,
    }));
    const bizFirst = composites.filter((r) => r.business >= 85 && r.composite <= 60);
    expect(bizFirst.length).toBeGreaterThanOrEqual(5);
    // …and not everyone is weak: some units are strong on both
    expect(composites.filter((r) => r.business >= 85 && r.composite >= 85).length).toBeGreaterThanOrEqual(3);
    // values respect their kinds
    for (const r of rows) {
      const ind = catalogue.find((i) => i.code === r.code)!;
      if (ind.kind === "boolean") expect([0, 1]).toContain(r.value);
      else if (ind.kind === "count") expect(Number.isInteger(r.value) && r.value >= 0).toBe(true);
      else expect(r.value >= 0 && r.value <= 100).toBe(true);
    }
  });
});
