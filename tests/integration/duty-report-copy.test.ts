import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { dutyReports } from "~/db/schema";
import { copyRules, textFingerprint } from "~/lib/text-similarity";
import { refreshDutyReportCopy } from "~/server/services/assessment/duty-copy";
import { callerFor, createActor } from "../factories";
import { copyCorpus } from "../unit/fixtures/copy-corpus";
import { freshBranch } from "./meeting-fixtures";
import { useTreeDb } from "./test-db";

/** A duty report nearly identical to the unit's earlier one or another unit's is stored as copied and flagged. */
const t = useTreeDb();
const { originals, pairs } = copyCorpus();
const reports = originals.filter((d) => d.kind === "duty_report");
const original = reports[0]!;
// The same report disguised five ways at once (synonyms, names and numbers, a sentence inserted and one dropped, reordered).
const disguised = pairs.find((p) => p.copied && p.a.id === original.id && p.how.split("+").length === 5)!.b.text;
const honest = reports[1]!.text;

async function writeReport(unitId: number, year: number, text: string) {
  const [row] = await t.db.insert(dutyReports).values({ unitId, year, text }).returning({ id: dutyReports.id });
  await t.db.transaction((tx) => refreshDutyReportCopy(tx, row!.id));
  const [stored] = await t.db.select().from(dutyReports).where(eq(dutyReports.id, row!.id));
  return stored!;
}

let units: Record<"source" | "copier" | "honest" | "own", { id: number; path: string; depth: number }>;
beforeAll(async () => {
  units = {
    source: await freshBranch(t.db, "述职原稿支部", t.tree.branchB),
    copier: await freshBranch(t.db, "述职抄袭支部", t.tree.branchA),
    honest: await freshBranch(t.db, "述职自撰支部", t.tree.branchA),
    own: await freshBranch(t.db, "述职照搬上年支部", t.tree.branchA),
  };
});

describe("refreshDutyReportCopy", () => {
  it("stores another unit's report as the source of a disguised copy, and nothing for an honest report with the same opening", async () => {
    const source = await writeReport(units.source.id, 2025, original.text);
    expect(source.copiedFromId).toBeNull();
    expect(source.textFingerprint).toBe(textFingerprint(original.text));
    expect(source.copyBands).toHaveLength(copyRules.bands);

    const copy = await writeReport(units.copier.id, 2026, disguised);
    expect(copy.copiedFromId).toBe(source.id);
    expect(copy.copiedSimilarity!).toBeGreaterThanOrEqual(copyRules.threshold);

    const own = await writeReport(units.honest.id, 2026, honest);
    expect(own.copiedFromId).toBeNull();
  });

  it("flags a report copied from the unit's own earlier year, never the earlier one from the later", async () => {
    const before = await writeReport(units.own.id, 2024, reports[2]!.text);
    const again = await writeReport(
      units.own.id,
      2025,
      reports[2]!.text.replace(/\d+/g, (d) => String(Number(d) + 1)),
    );
    expect(again.copiedFromId).toBe(before.id);
    const [first] = await t.db.select().from(dutyReports).where(eq(dutyReports.id, before.id));
    expect(first!.copiedFromId).toBeNull();
  });

  it("clears the match when the text is rewritten in the unit's own words", async () => {
    const [copy] = await t.db.select().from(dutyReports).where(eq(dutyReports.unitId, units.copier.id));
    await t.db.update(dutyReports).set({ text: reports[3]!.text }).where(eq(dutyReports.id, copy!.id));
    await t.db.transaction((tx) => refreshDutyReportCopy(tx, copy!.id));
    const [after] = await t.db.select().from(dutyReports).where(eq(dutyReports.id, copy!.id));
    expect(after).toMatchObject({ copiedFromId: null, copiedSimilarity: null });
    // Put the copy back for the flags below.
    await t.db.update(dutyReports).set({ text: disguised }).where(eq(dutyReports.id, copy!.id));
    await t.db.transaction((tx) => refreshDutyReportCopy(tx, copy!.id));
  });
});

describe("meeting.flags: copied_duty_report", () => {
  it("lists the copied report among the unit's formalism flags in its year, with the other report as evidence", async () => {
    const admin = callerFor(t.db, await createActor(t.db, "admin", t.tree.root));
    const [source] = await t.db.select().from(dutyReports).where(eq(dutyReports.unitId, units.source.id));
    const [copy] = await t.db.select().from(dutyReports).where(eq(dutyReports.unitId, units.copier.id));
    const flags = (await admin.meeting.flags({ unitId: units.copier.id, from: "2026Q1", to: "2026Q4" })).filter(
      (f) => f.kind === "copied_duty_report",
    );
    expect(flags).toEqual([
      {
        unitId: units.copier.id,
        unitName: "述职抄袭支部",
        quarter: "2026Q4",
        meetingId: null,
        meetingType: null,
        date: null,
        kind: "copied_duty_report",
        evidence: {
          dutyReportId: copy!.id,
          year: 2026,
          otherDutyReportId: source!.id,
          otherUnitId: units.source.id,
          otherUnitName: "述职原稿支部",
          otherYear: 2025,
          otherReadable: true,
          sameUnit: false,
          similarity: Math.round(copy!.copiedSimilarity! * 100) / 100,
        },
      },
    ]);
    // Outside the report's year it is not listed; the subtree's flags include it.
    expect(
      (await admin.meeting.flags({ unitId: units.copier.id, from: "2025Q1", to: "2025Q4" })).some((f) => f.kind === "copied_duty_report"),
    ).toBe(false);
    const tree = await admin.meeting.flags({ unitId: t.tree.root.id, from: "2024Q1", to: "2026Q4" });
    expect(
      tree
        .filter((f) => f.kind === "copied_duty_report")
        .map((f) => f.unitId)
        .sort(),
    ).toEqual([units.copier.id, units.own.id].sort());
  });

  it("names nothing of a source outside the reader's reach", async () => {
    const staff = callerFor(t.db, await createActor(t.db, "staff", units.copier));
    const [flag] = (await staff.meeting.flags({ unitId: units.copier.id, from: "2026Q1", to: "2026Q4" })).filter(
      (f) => f.kind === "copied_duty_report",
    );
    expect(flag!.evidence).toEqual({
      otherReadable: false,
      sameUnit: false,
      similarity: expect.any(Number),
      year: 2026,
      message: expect.stringContaining("述职报告"),
    });
    expect(JSON.stringify(flag)).not.toContain("述职原稿支部");
  });
});
