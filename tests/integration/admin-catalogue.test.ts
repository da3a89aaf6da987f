import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, indicatorVersions, reportValues, reports } from "~/db/schema";
import { rebuildRollups } from "~/server/services/rollup/rebuild";
import { callerFor, createActor } from "../factories";
import { useTreeDb } from "./test-db";
import { fieldErrorsOf, outcomeOf } from "./trpc-expect";

const t = useTreeDb();
let admin: ReturnType<typeof callerFor>;
let adminId: number;
const quarters = ["2026Q1", "2026Q2", "2026Q3"] as const;
// Values chosen so that the rule changes below move the scores: L1 (count, target 1) = 2
// scores 100 until its target rises; V3 (count, target 2) = 0 scores 0 until it is retired.
const values = {
  L1_topic_meetings: 2,
  L4_secretary_review: 80,
  V1_attendance_rate: 85,
  V3_model_posts: 0,
  T1_joint_planning: 1,
  M1_themed_activities: 1,
  R1_assessment_weight: 25,
};

beforeAll(async () => {
  const actor = await createActor(t.db, "admin", t.tree.root);
  adminId = actor.id;
  admin = callerFor(t.db, actor);
  for (const unit of [t.tree.leafA1, t.tree.leafB1]) {
    for (const quarter of quarters) {
      // Q1 and Q2 are approved (frozen); Q3 is submitted, still open to rule changes.
      const status = quarter === "2026Q3" ? "submitted" : "approved";
      const [r] = await t.db.insert(reports).values({ unitId: unit.id, quarter, status }).returning();
      await t.db
        .insert(reportValues)
        .values(Object.entries(values).map(([indicatorCode, value]) => ({ reportId: r!.id, indicatorCode, value })));
    }
  }
  // Inserted directly, not through the workflow: build the dashboards' analytics from them.
  await rebuildRollups(t.db);
});

// Q3 is only submitted: count submitted reports too.
const overview = async () =>
  (await admin.dashboard.overview({ unitId: t.tree.root.id, from: "2026Q1", to: "2026Q3", include: "submitted" })).trend;
const setQ3Status = async (status: "approved" | "submitted") => {
  await t.db.update(reports).set({ status }).where(eq(reports.quarter, "2026Q3"));
  await rebuildRollups(t.db);
};
const rules = { direction: "higher", weight: 1, required: true } as const;

describe("catalogue.list", () => {
  it("lists every indicator with its rule history, and the first quarter still open to changes", async () => {
    const list = await admin.catalogue.list();
    expect(list.latestApprovedQuarter).toBe("2026Q2");
    expect(list.firstOpenQuarter).toBe("2026Q3");
    expect(list.defaultValidFrom).toBe("2026Q3");
    expect(list.categories.map((c) => c.code)).toEqual(["leadership", "vanguard", "inner_life", "two_skins", "methods", "responsibility"]);
    const l1 = list.indicators.find((i) => i.code === "L1_topic_meetings")!;
    expect(l1.current).toMatchObject({ validFrom: "0000Q1", target: 1, locked: true });
    expect(l1.history).toHaveLength(1);
  });
});

describe("catalogue.setRules", () => {
  it("changes the scores of the quarter it starts from and leaves earlier quarters as they were", async () => {
    const before = await overview();
    const res = await admin.catalogue.setRules({ code: "L1_topic_meetings", validFrom: "2026Q3", ...rules, target: 4 });
    expect(res).toEqual({ changed: true, validFrom: "2026Q3" });
    const after = await overview();
    for (const i of [0, 1]) {
      expect(after[i]!.composite).toBeCloseTo(before[i]!.composite!, 9);
      expect(after[i]!.categories.leadership).toBeCloseTo(before[i]!.categories.leadership!, 9);
    }
    expect(after[2]!.categories.leadership).toBeLessThan(before[2]!.categories.leadership!);
    expect(after[2]!.composite).toBeLessThan(before[2]!.composite!);

    const l1 = (await admin.catalogue.list()).indicators.find((i) => i.code === "L1_topic_meetings")!;
    expect(l1.history.map((h) => [h.validFrom, h.validTo, h.target, h.locked])).toEqual([
      ["0000Q1", "2026Q3", 1, true],
      ["2026Q3", null, 4, false],
    ]);
    expect((await admin.indicator.list({ quarter: "2026Q2" })).find((i) => i.code === "L1_topic_meetings")!.target).toBe(1);
    expect((await admin.indicator.list({ quarter: "2026Q3" })).find((i) => i.code === "L1_topic_meetings")!.target).toBe(4);
  });

  it("updates the version starting exactly at the chosen quarter in place, and writes before/after to the audit log", async () => {
    await admin.catalogue.setRules({ code: "L1_topic_meetings", validFrom: "2026Q3", ...rules, target: 5 });
    const rows = await t.db.select().from(indicatorVersions).where(eq(indicatorVersions.indicatorCode, "L1_topic_meetings"));
    expect(rows.map((r) => [r.validFrom, r.target]).sort()).toEqual([
      ["0000Q1", 1],
      ["2026Q3", 5],
    ]);
    expect(rows.find((r) => r.validFrom === "2026Q3")!.createdBy).toBe(adminId);

    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "catalogue.setRules"), eq(auditLog.entityId, "L1_topic_meetings")))
      .orderBy(auditLog.id);
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({
      actorId: adminId,
      entity: "indicator",
      before: { validFrom: "0000Q1", target: 1 },
      after: { validFrom: "2026Q3", target: 4 },
    });
    expect(audit[1]).toMatchObject({ before: { validFrom: "2026Q3", target: 4 }, after: { validFrom: "2026Q3", target: 5 } });
  });

  it("writes nothing when the rules are those already in force", async () => {
    expect(await admin.catalogue.setRules({ code: "L1_topic_meetings", validFrom: "2026Q4", ...rules, target: 5 })).toMatchObject({
      changed: false,
    });
    expect(await t.db.select().from(indicatorVersions).where(eq(indicatorVersions.indicatorCode, "L1_topic_meetings"))).toHaveLength(2);
  });

  it("keeps the source of computed indicators", async () => {
    await admin.catalogue.setRules({ code: "I1_three_one_rate", validFrom: "2026Q4", ...rules, target: 95 });
    const i1 = (await admin.indicator.list({ quarter: "2026Q4" })).find((i) => i.code === "I1_three_one_rate")!;
    expect(i1).toMatchObject({ source: "meetings", target: 95 });
  });

  it("refuses a quarter at or before the latest quarter with approved reports, naming it", async () => {
    for (const validFrom of ["2026Q2", "2026Q1", "0000Q1"]) {
      const errors = await fieldErrorsOf(admin.catalogue.setRules({ code: "L4_secretary_review", validFrom, ...rules, target: 50 }));
      expect(errors.validFrom).toContain("2026年第2季度");
      expect(errors.validFrom).toContain("2026年第3季度");
    }
    expect(
      (await fieldErrorsOf(admin.catalogue.setCategoryWeight({ categoryCode: "methods", validFrom: "2026Q2", weight: 2 }))).validFrom,
    ).toBeTruthy();
    expect((await fieldErrorsOf(admin.catalogue.retire({ code: "L4_secretary_review", fromQuarter: "2026Q1" }))).fromQuarter).toBeTruthy();
    expect(await t.db.select().from(indicatorVersions).where(eq(indicatorVersions.indicatorCode, "L4_secretary_review"))).toHaveLength(1);
  });

  it("freezes a version once a report in its range is approved", async () => {
    await setQ3Status("approved");
    try {
      const errors = await fieldErrorsOf(admin.catalogue.setRules({ code: "L1_topic_meetings", validFrom: "2026Q3", ...rules, target: 9 }));
      expect(errors.validFrom).toContain("2026年第3季度");
      expect((await admin.catalogue.list()).defaultValidFrom).toBe("2026Q4");
    } finally {
      await setQ3Status("submitted");
    }
  });

  it("checks the target against the indicator's kind", async () => {
    const rate = await fieldErrorsOf(admin.catalogue.setRules({ code: "V1_attendance_rate", validFrom: "2026Q3", ...rules, target: 101 }));
    expect(rate.target).toContain("0 到 100");
    const bool = await fieldErrorsOf(admin.catalogue.setRules({ code: "T1_joint_planning", validFrom: "2026Q3", ...rules, target: 2 }));
    expect(bool.target).toBeTruthy();
  });
});

describe("catalogue.retire / unretire", () => {
  it("hides the indicator from its quarter on; earlier quarters still list and score it", async () => {
    const before = await overview();
    await admin.catalogue.retire({ code: "V3_model_posts", fromQuarter: "2026Q3" });
    const codes = async (quarter: string) => (await admin.indicator.list({ quarter })).map((i) => i.code);
    expect(await codes("2026Q3")).not.toContain("V3_model_posts");
    expect(await codes("2026Q2")).toContain("V3_model_posts");
    const after = await overview();
    expect(after[1]!.categories.vanguard).toBeCloseTo(before[1]!.categories.vanguard!, 9);
    expect(after[2]!.categories.vanguard).toBeGreaterThan(before[2]!.categories.vanguard!); // its zero no longer counts

    await admin.catalogue.unretire({ code: "V3_model_posts" });
    expect(await codes("2026Q3")).toContain("V3_model_posts");
    expect((await overview())[2]!.categories.vanguard).toBeCloseTo(before[2]!.categories.vanguard!, 9);
    const actions = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, "V3_model_posts"));
    expect(actions.map((a) => a.action)).toEqual(["catalogue.retire", "catalogue.unretire"]);
  });

  it("refuses to take back a retirement that approved quarters were reported under", async () => {
    await admin.catalogue.retire({ code: "V3_model_posts", fromQuarter: "2026Q3" });
    await setQ3Status("approved");
    try {
      expect((await fieldErrorsOf(admin.catalogue.unretire({ code: "V3_model_posts" }))).code).toContain("2026年第3季度");
    } finally {
      await setQ3Status("submitted");
    }
    await admin.catalogue.unretire({ code: "V3_model_posts" });
    expect((await fieldErrorsOf(admin.catalogue.unretire({ code: "V3_model_posts" }))).code).toContain("未停用");
  });
});

describe("catalogue.createIndicator", () => {
  const base = {
    categoryCode: "methods",
    nameZh: "新指标",
    nameEn: "New indicator",
    unitZh: "次",
    unitEn: "times",
    helpZh: "",
    helpEn: "",
    direction: "higher",
    weight: 1,
    required: false,
    validFrom: "2026Q4",
  } as const;

  it("checks the rules by kind", async () => {
    const cases = [
      [{ kind: "rate", target: 120 }, "target"],
      [{ kind: "score", target: -1 }, "target"],
      [{ kind: "boolean", target: 2 }, "target"],
      [{ kind: "boolean", target: 1, direction: "lower" }, "direction"],
      [{ kind: "count", target: -1 }, "target"],
      [{ kind: "count", target: 1, weight: -0.5 }, "weight"],
    ] as const;
    for (const [patch, field] of cases) {
      const errors = await fieldErrorsOf(admin.catalogue.createIndicator({ ...base, code: "X_bad", ...patch }));
      expect(Object.keys(errors), JSON.stringify(patch)).toEqual([field]);
    }
    expect(
      Object.keys(await fieldErrorsOf(admin.catalogue.createIndicator({ ...base, code: "1bad", kind: "count", target: 1 }))),
    ).toContain("code");
    expect(
      (await fieldErrorsOf(admin.catalogue.createIndicator({ ...base, code: "l1_TOPIC_meetings", kind: "count", target: 1 }))).code,
    ).toContain("已存在");
    expect(
      (await fieldErrorsOf(admin.catalogue.createIndicator({ ...base, code: "X_early", kind: "count", target: 1, validFrom: "2026Q2" })))
        .validFrom,
    ).toBeTruthy();
  });

  it("adds an indicator collected from its first quarter on, and audits it", async () => {
    await admin.catalogue.createIndicator({ ...base, code: "M9_new_count", kind: "count", target: 2 });
    expect((await admin.indicator.list({ quarter: "2026Q3" })).map((i) => i.code)).not.toContain("M9_new_count");
    expect((await admin.indicator.list({ quarter: "2026Q4" })).find((i) => i.code === "M9_new_count")).toMatchObject({
      category: "methods",
      kind: "count",
      target: 2,
      source: "manual",
    });
    const [row] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "catalogue.createIndicator"), eq(auditLog.entityId, "M9_new_count")));
    expect(row).toMatchObject({ actorId: adminId, before: null, after: { nameZh: "新指标", target: 2, validFrom: "2026Q4" } });
  });
});

describe("catalogue.updateTexts and setCategoryWeight", () => {
  it("edits texts without touching rules or source", async () => {
    expect(await admin.catalogue.updateTexts({ code: "I1_three_one_rate", nameZh: "“三会一课”按期完成率", sortOrder: 30 })).toEqual({
      changed: true,
    });
    const i1 = (await admin.indicator.list({ quarter: "2026Q2" })).find((i) => i.code === "I1_three_one_rate")!;
    expect(i1).toMatchObject({ name: "“三会一课”按期完成率", source: "meetings", target: 100 });
    const [row] = await t.db.select().from(auditLog).where(eq(auditLog.action, "catalogue.updateTexts"));
    expect(row!.before).toEqual({ nameZh: "“三会一课”完成率", sortOrder: 9 });
    expect(row!.after).toEqual({ nameZh: "“三会一课”按期完成率", sortOrder: 30 });
  });

  it("changes a category weight from a quarter on without moving earlier composites", async () => {
    const before = await overview();
    await admin.catalogue.setCategoryWeight({ categoryCode: "vanguard", validFrom: "2026Q3", weight: 5 });
    const after = await overview();
    expect(after[0]!.composite).toBeCloseTo(before[0]!.composite!, 9);
    expect(after[1]!.composite).toBeCloseTo(before[1]!.composite!, 9);
    expect(after[2]!.composite).not.toBeCloseTo(before[2]!.composite!, 6);
    const vanguard = (await admin.catalogue.list()).categories.find((c) => c.code === "vanguard")!;
    expect(vanguard.history.map((h) => [h.validFrom, h.weight])).toEqual([
      ["0000Q1", 1],
      ["2026Q3", 5],
    ]);
    expect(
      (await fieldErrorsOf(admin.catalogue.setCategoryWeight({ categoryCode: "vanguard", validFrom: "2026Q3", weight: -1 }))).weight,
    ).toBeTruthy();
  });
});

describe("authorization", () => {
  it.each(["leader", "reviewer", "staff"] as const)("refuses every catalogue procedure to %s", async (role) => {
    const caller = callerFor(t.db, await createActor(t.db, role, role === "staff" ? t.tree.leafA1 : t.tree.root));
    // Thunks, called one at a time: a refusal now writes an audit row first, so a promise started
    // early would reject while the test still awaits another (an unhandled rejection).
    const calls = [
      () => caller.catalogue.list(),
      () =>
        caller.catalogue.createIndicator({
          categoryCode: "methods",
          nameZh: "x",
          nameEn: "x",
          unitZh: "",
          unitEn: "",
          helpZh: "",
          helpEn: "",
          direction: "higher",
          weight: 1,
          required: false,
          validFrom: "2026Q4",
          code: "Z_forbidden",
          kind: "count",
          target: 1,
        }),
      () => caller.catalogue.updateTexts({ code: "L1_topic_meetings", nameZh: "x" }),
      () => caller.catalogue.setRules({ code: "L1_topic_meetings", validFrom: "2026Q4", ...rules, target: 7 }),
      () => caller.catalogue.retire({ code: "L1_topic_meetings", fromQuarter: "2026Q4" }),
      () => caller.catalogue.unretire({ code: "L1_topic_meetings" }),
      () => caller.catalogue.setCategoryWeight({ categoryCode: "methods", validFrom: "2026Q4", weight: 2 }),
    ];
    for (const call of calls) expect(await outcomeOf(call())).toBe("FORBIDDEN");
    const touched = await t.db
      .select()
      .from(indicatorVersions)
      .where(inArray(indicatorVersions.validFrom, ["2026Q4"]));
    expect(touched.map((r) => r.indicatorCode)).not.toContain("L1_topic_meetings");
  });
});
