import { describe, it, expect } from "vitest";
import { eq, isNotNull } from "drizzle-orm";
import { useDemoDb } from "./test-db";
import {
  appraisals,
  assessmentComments,
  assessmentCycles,
  assessmentItems,
  cases,
  dutyReportAnswers,
  dutyReports,
  inspections,
  officerOutcomes,
  officers,
  people,
  units,
  users,
} from "../../db/schema";
import { defaultCycleRules } from "~/lib/assessment/rules";
import { disguisedCopyUnit, disguisedSourceUnit, nearCopyUnit } from "~/scripts/seed/assessment";
import { businessOf } from "~/scripts/seed/meetings";
import { buildDemoTree } from "~/scripts/seed/demo-tree";
import { textFingerprint } from "~/lib/text-similarity";

// The annual assessment's demo data (officers, last year's final cycle, this year's open one);
// the quarterly history and the seed's own behaviour are in seed.test.ts.
const now = new Date("2026-11-26T10:00:00+08:00");
const groupBy = <T, K>(rows: T[], key: (row: T) => K) => {
  const out = new Map<K, T[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
};
const handle = useDemoDb(now);

describe("seedDemo: the annual assessment", () => {
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
