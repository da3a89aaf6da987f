import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { and, count, countDistinct, eq, isNotNull, max } from "drizzle-orm";
import { createTestDb, type TestDb } from "./test-db";
import {
  appraisals,
  assessmentComments,
  assessmentCycles,
  assessmentItems,
  auditLog,
  cases,
  categories,
  dutyReportAnswers,
  dutyReports,
  indicators,
  inspections,
  meetings,
  officerOutcomes,
  officers,
  people,
  reports,
  reportValues,
  units,
  users,
} from "../../db/schema";
import { defaultCycleRules } from "~/lib/assessment/rules";
import { disguisedCopyUnit, disguisedSourceUnit, nearCopyUnit } from "~/scripts/seed/assessment";
import { businessOf } from "~/scripts/seed/meetings";
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
const groupBy = <T, K>(rows: T[], key: (row: T) => K) => {
  const out = new Map<K, T[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
};
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

  it("gives every unit a secretary, with this year's changes of secretary and one secretary who moved", async () => {
    const { db } = handle;
    const today = "2026-11-26";
    const all = await db.select().from(units);
    const roster = await db.select().from(officers);
    const inPost = (o: (typeof roster)[number], date: string) => o.fromDate <= date && (o.toDate === null || o.toDate >= date);
    // Every unit (the root too) has exactly one secretary in post today, and on every day of last year's end.
    for (const u of all) {
      for (const date of [today, "2025-12-31", "2025-01-01"]) {
        expect(
          roster.filter((o) => o.unitId === u.id && o.post === "secretary" && inPost(o, date)),
          `${u.name} ${date}`,
        ).toHaveLength(1);
      }
    }
    expect(roster.filter((o) => o.post === "deputy_secretary").length).toBeGreaterThan(all.length / 2);
    expect(roster.some((o) => o.post === "member")).toBe(true);
    const secretaries = roster.filter((o) => o.post === "secretary");
    expect(new Set(secretaries.map((o) => o.fullTime)).size).toBe(2);
    expect(secretaries.some((o) => o.concurrentHead)).toBe(true);
    expect(secretaries.some((o) => o.fromDate < "2022-01-01")).toBe(true);
    // Changed this year: an old tenure ended and a new one began the next day.
    const changed = all.filter((u) => {
      const own = secretaries.filter((o) => o.unitId === u.id);
      return own.some(
        (o) => o.toDate !== null && o.toDate >= "2025-12-31" && own.some((n) => n.fromDate > o.toDate! && n.fromDate.startsWith("2026")),
      );
    });
    expect(changed.length).toBeGreaterThanOrEqual(2);
    // One person: secretary of one unit, then of another.
    const byPerson = groupBy(secretaries, (o) => o.personId);
    const moved = [...byPerson.values()].filter((ts) => new Set(ts.map((t) => t.unitId)).size === 2);
    expect(moved).toHaveLength(1);
    const [first, second] = moved[0]!.sort((a, b) => a.fromDate.localeCompare(b.fromDate));
    expect(first!.toDate).not.toBeNull();
    expect(second!.toDate).toBeNull();
    expect(second!.fromDate > first!.toDate!).toBe(true);
    const names = await db.select().from(people);
    expect(names.every((p) => /^[\u4e00-\u9fff]{2,3}$/.test(p.name))).toBe(true);

    // Inspections and cases about the secretary name the tenure in post on their date.
    const inspected = await db.select().from(inspections).where(eq(inspections.subject, "secretary"));
    expect(inspected.length).toBeGreaterThan(0);
    for (const i of inspected) {
      const o = roster.find((x) => x.id === i.officerId);
      expect(o && o.unitId === i.unitId && o.post === "secretary" && inPost(o, i.inspectedOn), `inspection ${i.id}`).toBe(true);
      expect(i.personName).toBe(names.find((p) => p.id === o!.personId)!.name);
    }
    const secretaryCases = await db.select().from(cases).where(eq(cases.subject, "secretary"));
    expect(secretaryCases.length).toBeGreaterThan(0);
    expect(secretaryCases.every((c) => roster.some((o) => o.id === c.officerId && o.unitId === c.unitId))).toBe(true);
    expect((await db.select().from(cases).where(isNotNull(cases.officerId))).every((c) => c.subject === "secretary")).toBe(true);
  });

  it("holds last year's assessment, final: ballots, accepted duty reports and a comment with items for every graded unit", async () => {
    const { db } = handle;
    const all = await db.select().from(units);
    const graded = all.filter((u) => u.parentId !== null);
    const cycles = await db.select().from(assessmentCycles).orderBy(assessmentCycles.year);
    expect(cycles.map((c) => [c.year, c.status, c.partyWeight])).toEqual([
      [2025, "final", 0.3],
      [2026, "open", 0.3],
    ]);
    expect(cycles[0]!.finalisedAt).not.toBeNull();
    expect(cycles[0]!.rules).toMatchObject({ ...defaultCycleRules(2025), publicityFrom: "2026-02-01", publicityTo: "2026-02-07" });
    expect(cycles[1]!.rules).toEqual(defaultCycleRules(2026));
    expect(cycles[1]!.rules.dutyReportDeadline).toBe("2027-01-20");

    const ballots = await db.select().from(appraisals);
    expect(ballots.every((b) => b.year === 2025)).toBe(true); // the current year is open: none yet
    expect(ballots.map((b) => b.unitId).sort((a, b) => a - b)).toEqual(graded.map((u) => u.id).sort((a, b) => a - b));
    for (const b of ballots) {
      const valid = b.good + b.fairlyGood + b.average + b.poor;
      expect(valid).toBeLessThanOrEqual(b.voters);
      expect(valid).toBeGreaterThanOrEqual(b.voters - Math.ceil(b.voters / 10)); // a few absent or invalid
    }
    // Units weak on Party building get visibly worse ballots than the strong ones.
    const profiles = new Map(buildDemoTree().map((u) => [u.name, u.profile]));
    const goodShare = (profile: string) => {
      const rows = ballots.filter((b) => profiles.get(all.find((u) => u.id === b.unitId)!.name) === profile);
      return rows.reduce((n, b) => n + b.good / (b.good + b.fairlyGood + b.average + b.poor), 0) / rows.length;
    };
    expect(goodShare("strong")).toBeGreaterThan(goodShare("bizFirst") + 0.3);
    expect(goodShare("strong")).toBeGreaterThan(goodShare("weak") + 0.3);

    const reportsLast = await db.select().from(dutyReports).where(eq(dutyReports.year, 2025));
    expect(reportsLast).toHaveLength(graded.length);
    for (const r of reportsLast) {
      expect(r.status).toBe("accepted");
      expect(r.textFingerprint).toBe(textFingerprint(r.text));
      expect(r.text).toMatch(/^根据市直机关工委.*一年来/);
      expect(r.text).toContain("存在的问题");
      expect(r.text).toContain("下一步打算");
      expect(r.copiedFromId).toBeNull(); // honest reports that share the official opening are not copies
    }
    expect(new Set(reportsLast.map((r) => r.text.split("\n").slice(1).join())).size).toBe(reportsLast.length);

    const comments = await db.select().from(assessmentComments);
    expect(comments.map((c) => `${c.year}:${c.unitId}`).sort()).toEqual(graded.map((u) => `2025:${u.id}`).sort());
    const items = await db.select().from(assessmentItems);
    const perUnit = groupBy(items, (i) => i.unitId);
    for (const u of graded) expect(perUnit.get(u.id)?.length ?? 0, u.name).toBeGreaterThanOrEqual(1);
    expect(Math.max(...[...perUnit.values()].map((l) => l.length))).toBe(3);
    expect(items.every((i) => i.year === 2025 && i.deadline >= "2026-01-01" && i.deadline <= "2026-06-30")).toBe(true);
    const done = items.filter((i) => i.doneAt !== null).length;
    expect(done / items.length).toBeGreaterThan(0.3);
    expect(done / items.length).toBeLessThan(0.7);

    // Some secretaries were inspected last year, one of them failed (its veto shows in the grade).
    const inspectedLastYear = (await db.select().from(inspections)).filter((i) => i.inspectedOn.startsWith("2025"));
    expect(inspectedLastYear.length).toBeGreaterThanOrEqual(10);
    expect(inspectedLastYear.every((i) => i.subject === "secretary" && i.officerId !== null)).toBe(true);
    expect(inspectedLastYear.filter((i) => i.result === "fail")).toHaveLength(1);

    const outcomes = await db.select().from(officerOutcomes);
    expect(outcomes.every((o) => o.year === 2025)).toBe(true);
    const kinds = groupBy(outcomes, (o) => o.kind);
    expect([kinds.get("promoted")?.length, kinds.get("commended")?.length, kinds.get("adjusted")?.length]).toEqual([3, 3, 2]);
    // Promoted secretaries include ones whose unit put business first.
    const roster = await db.select().from(officers).where(eq(officers.post, "secretary"));
    const unitOf = (personId: number) =>
      all.find((u) => u.id === roster.find((o) => o.personId === personId && o.fromDate <= "2025-12-31")!.unitId)!;
    expect(kinds.get("promoted")!.filter((o) => profiles.get(unitOf(o.personId).name) === "bizFirst").length).toBeGreaterThanOrEqual(2);
  });

  it("holds this year's open cycle with duty reports from a third of the units, answering last year's items, two of them copied", async () => {
    const { db } = handle;
    const all = await db.select().from(units);
    const graded = all.filter((u) => u.parentId !== null);
    const current = await db.select().from(dutyReports).where(eq(dutyReports.year, 2026));
    expect(current.length).toBeGreaterThanOrEqual(graded.length / 4);
    expect(current.length).toBeLessThanOrEqual(graded.length / 2);
    expect(new Set(current.map((r) => r.status))).toEqual(new Set(["draft", "submitted", "returned", "accepted"]));
    expect(current.every((r) => (r.status === "draft") === (r.submittedAt === null))).toBe(true);
    expect(current.every((r) => r.textFingerprint === textFingerprint(r.text))).toBe(true);
    expect(await db.select().from(assessmentComments).where(eq(assessmentComments.year, 2026))).toEqual([]);

    // The staff user's branch has not written this year's report; last year's comment left it ≥ 2 items, one done.
    const [staff] = await db.select().from(users).where(eq(users.username, "staff"));
    expect(current.some((r) => r.unitId === staff!.unitId)).toBe(false);
    const staffItems = await db.select().from(assessmentItems).where(eq(assessmentItems.unitId, staff!.unitId));
    expect(staffItems.length).toBeGreaterThanOrEqual(2);
    expect(staffItems.filter((i) => i.doneAt !== null)).toHaveLength(1);

    // Answers are to the unit's own last-year items.
    const answers = await db
      .select({ reportUnit: dutyReports.unitId, itemUnit: assessmentItems.unitId, itemYear: assessmentItems.year })
      .from(dutyReportAnswers)
      .innerJoin(dutyReports, eq(dutyReports.id, dutyReportAnswers.dutyReportId))
      .innerJoin(assessmentItems, eq(assessmentItems.id, dutyReportAnswers.itemId));
    expect(answers.length).toBeGreaterThan(current.length);
    expect(answers.every((a) => a.reportUnit === a.itemUnit && a.itemYear === 2025)).toBe(true);

    // The copies are flagged as the app flags them (refreshDutyReportCopy): the near-copy of the
    // unit's own last report, and the disguised copy of another unit's — and nothing else.
    const byId = new Map((await db.select().from(dutyReports)).map((r) => [r.id, r]));
    const nameOf = (unitId: number) => all.find((u) => u.id === unitId)!.name;
    const flagged = current.filter((r) => r.copiedFromId !== null);
    expect(flagged.map((r) => nameOf(r.unitId)).sort()).toEqual([disguisedCopyUnit, nearCopyUnit].sort());
    const near = flagged.find((r) => nameOf(r.unitId) === nearCopyUnit)!;
    expect(byId.get(near.copiedFromId!)).toMatchObject({ unitId: near.unitId, year: 2025 });
    const disguised = flagged.find((r) => nameOf(r.unitId) === disguisedCopyUnit)!;
    const source = byId.get(disguised.copiedFromId!)!;
    expect(nameOf(source.unitId)).toBe(disguisedSourceUnit);
    expect(source.year).toBe(2026);
    expect(disguised.status).toBe("submitted");
    // Disguised: the source's business and secretary replaced with its own, sentences reordered, one inserted.
    expect(disguised.text).not.toContain(businessOf(disguisedSourceUnit));
    expect(disguised.text).toContain(businessOf(disguisedCopyUnit));
    const firstDeed = (text: string) => text.split("\n")[1]!.split("。")[1];
    expect(firstDeed(disguised.text)).not.toBe(firstDeed(source.text));
    expect(disguised.text.split("。").filter((s) => !source.text.includes(s)).length).toBeGreaterThan(0);
  });
});
