import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { cases, reports, units } from "~/db/schema";
import { allowedChildTypes, moveRefusal, typesFitting } from "~/lib/unit-hierarchy";
import { callerFor, createActor } from "../factories";
import { useTreeDb } from "./test-db";
import { fieldErrorsOf } from "./trpc-expect";

// The tree: root (党委) ─ branchA (党委) ─ leafA1, leafA2 (党支部); branchB (党委) ─ leafB1 (党支部).
const t = useTreeDb();
let admin: ReturnType<typeof callerFor>;
const attrs = { memberCount: 5, secretaryIsHead: false, fullTimeStaff: false };
const snapshot = () => t.db.select().from(units).orderBy(units.id);

beforeAll(async () => {
  admin = callerFor(t.db, await createActor(t.db, "admin", t.tree.root));
});

describe("the allowed parent types (one rule, lib/unit-hierarchy.ts)", () => {
  it("部门/党委 hold 党委/党总支/党支部, 党总支 holds 党支部, 党支部 holds nothing", () => {
    expect(allowedChildTypes.committee).toEqual(["committee", "general_branch", "branch"]);
    expect(allowedChildTypes.department).toEqual(["committee", "general_branch", "branch"]);
    expect(allowedChildTypes.general_branch).toEqual(["branch"]);
    expect(allowedChildTypes.branch).toEqual([]);
    expect(typesFitting("general_branch", [])).toEqual(["branch"]);
    // A unit under a 党委 with a 党总支 below it can only be a 党委 itself.
    expect(typesFitting("committee", ["branch", "general_branch"])).toEqual(["committee"]);
    expect(typesFitting(null, ["committee"])).toEqual(["committee", "department"]);
  });
});

describe("unit.create refuses a type its parent cannot hold", () => {
  it("nothing under a 党支部; only 党支部 under a 党总支", async () => {
    const before = await snapshot();
    const underBranch = await fieldErrorsOf(
      admin.unit.create({ parentId: t.tree.leafA1.id, name: "支部下的支部", type: "branch", ...attrs }),
    );
    expect(underBranch.parentId).toContain("是党支部，其下不能再设下级单位");
    const { id: general } = await admin.unit.create({
      parentId: t.tree.branchA.id,
      name: "规则测试党总支",
      type: "general_branch",
      ...attrs,
    });
    const wrong = await fieldErrorsOf(admin.unit.create({ parentId: general, name: "总支下的总支", type: "general_branch", ...attrs }));
    expect(wrong.type).toContain("其下只能设党支部，不能设党总支");
    const dept = await fieldErrorsOf(admin.unit.create({ parentId: t.tree.branchA.id, name: "下设部门", type: "department", ...attrs }));
    expect(dept.type).toContain("不能设部门");
    expect(await admin.unit.create({ parentId: general, name: "总支下的支部", type: "branch", ...attrs })).toMatchObject({
      id: expect.any(Number),
    });
    expect((await snapshot()).length).toBe(before.length + 2);
  });
});

describe("unit.move keeps the tree valid", () => {
  it("refuses a 党总支 under a 党支部, a 党委 under a 党总支, and a move under its own descendant; nothing changes", async () => {
    const { id: g } = await admin.unit.create({ parentId: t.tree.branchB.id, name: "移动规则党总支", type: "general_branch", ...attrs });
    const { id: gb } = await admin.unit.create({ parentId: g, name: "移动规则支部", type: "branch", ...attrs });
    const { id: c } = await admin.unit.create({ parentId: t.tree.branchB.id, name: "移动规则党委", type: "committee", ...attrs });
    const before = await snapshot();
    expect((await fieldErrorsOf(admin.unit.move({ id: g, parentId: t.tree.leafA1.id }))).parentId).toContain("其下不能再设下级单位");
    expect((await fieldErrorsOf(admin.unit.move({ id: c, parentId: g }))).parentId).toContain("其下只能设党支部，不能设党委");
    expect((await fieldErrorsOf(admin.unit.move({ id: g, parentId: gb }))).parentId).toContain("不能移到本单位或其下级单位之下");
    expect(await snapshot()).toEqual(before);
    // A valid one goes through: the 党支部 under the 党委.
    expect(await admin.unit.move({ id: gb, parentId: c })).toMatchObject({ moved: 1 });
  });

  it("moveRefusal, used by the dialog, agrees with the server", () => {
    const n = (id: number, path: string, type: "committee" | "general_branch" | "branch", parentId: number | null = null) => ({
      id,
      path,
      type,
      active: true,
      parentId,
    });
    const g = n(10, "/1/10/", "general_branch", 1);
    expect(moveRefusal(g, n(11, "/1/10/11/", "branch", 10))).toBe("descendant");
    expect(moveRefusal(g, n(12, "/1/12/", "branch", 1))).toBe("type");
    expect(moveRefusal(g, n(1, "/1/", "committee"))).toBe("sameParent");
    expect(moveRefusal(g, n(13, "/1/13/", "committee", 1))).toBeNull();
  });

  it("unit.movePreview counts what moves: units, users, reports and open cases", async () => {
    const { id: g } = await admin.unit.create({ parentId: t.tree.branchA.id, name: "预览党总支", type: "general_branch", ...attrs });
    const { id: b1 } = await admin.unit.create({ parentId: g, name: "预览一支部", type: "branch", ...attrs });
    const { id: b2 } = await admin.unit.create({ parentId: g, name: "预览二支部", type: "branch", ...attrs });
    const [b2row] = await t.db.select().from(units).where(eq(units.id, b2));
    await createActor(t.db, "staff", b2row!);
    await t.db.insert(reports).values([
      { unitId: b1, quarter: "2026Q1" },
      { unitId: b2, quarter: "2026Q1" },
      { unitId: b2, quarter: "2026Q2" },
    ]);
    await t.db.insert(cases).values({
      unitId: b1,
      subject: "organisation",
      category: "methods",
      rootCause: "poor_planning",
      form: "notice",
      facts: "预览用案件事实",
      quarter: "2026Q1",
    });
    expect(await admin.unit.movePreview({ id: g })).toMatchObject({
      units: 3,
      activeUnits: 3,
      users: 1,
      activeUsers: 1,
      reports: 3,
      openCases: 1,
    });
  });
});

describe("unit.update cannot make the tree invalid by a type change", () => {
  it("refuses a 党总支 with 党支部 below becoming a 党支部, and a 党支部 under a 党总支 becoming a 党委", async () => {
    const { id: g } = await admin.unit.create({ parentId: t.tree.branchA.id, name: "改类型党总支", type: "general_branch", ...attrs });
    const { id: b } = await admin.unit.create({ parentId: g, name: "改类型支部", type: "branch", ...attrs });
    expect((await fieldErrorsOf(admin.unit.update({ id: g, type: "branch" }))).type).toContain(
      "下有党支部，改为党支部后不能再设这些下级单位",
    );
    expect((await fieldErrorsOf(admin.unit.update({ id: b, type: "committee" }))).type).toContain("其下只能设党支部，不能设党委");
    expect((await fieldErrorsOf(admin.unit.update({ id: t.tree.branchA.id, type: "general_branch" }))).type).toMatch(
      /下有.*改为党总支后不能再设这些下级单位/,
    );
    // Allowed: the 党总支 becomes a 党委 (it may hold 党支部 and stand under a 党委).
    await admin.unit.update({ id: g, type: "committee" });
    expect((await t.db.select().from(units).where(eq(units.id, g)))[0]!.type).toBe("committee");
  });
});
