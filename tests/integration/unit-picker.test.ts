import { beforeAll, describe, expect, it } from "vitest";
import { createUnit } from "../factories";
import { callersOn, useTreeDb, type Caller } from "./test-db";
import { fieldErrorsOf, outcomeOf } from "./trpc-expect";

/**
 * The unit picker's procedures (issue 12, defects 3 and 10): search by part of a name and one
 * unit's ancestors, only within the caller's reach; the tree in tree order with lazy children.
 */
const t = useTreeDb();
let admin: Caller, leaderA: Caller, reviewerA: Caller, staffA1: Caller, reviewerB: Caller;

beforeAll(async () => {
  ({ admin, leaderA, reviewerA, staffA1, reviewerB } = await callersOn(t, {
    admin: ["admin", "root"],
    leaderA: ["leader", "branchA"],
    reviewerA: ["reviewer", "branchA"],
    staffA1: ["staff", "leafA1"],
    reviewerB: ["reviewer", "branchB"],
  }));
});

const names = (r: { units: { name: string }[] }) => r.units.map((u) => u.name).sort();

describe("unit.search", () => {
  it("finds units by part of the name, with the names of their ancestors", async () => {
    const r = await admin.unit.search({ query: "第一党支部" });
    expect(names(r)).toEqual(["A局第一党支部", "B局第一党支部"]);
    const a1 = r.units.find((u) => u.name === "A局第一党支部")!;
    expect(a1).toMatchObject({ id: t.tree.leafA1.id, type: "branch", path: ["测试市委", "A局机关党委"] });
  });

  it("leader and reviewer only find units of their own subtree; the other branch never", async () => {
    for (const caller of [leaderA, reviewerA]) {
      expect(names(await caller.unit.search({ query: "第一党支部" }))).toEqual(["A局第一党支部"]);
      expect(names(await caller.unit.search({ query: "B局" }))).toEqual([]);
      expect(names(await caller.unit.search({ query: "测试市委" }))).toEqual([]);
      // Ancestors above the caller's own unit are not named either.
      const [a1] = (await caller.unit.search({ query: "A局第一" })).units;
      expect(a1!.path).toEqual(["A局机关党委"]);
    }
    expect(names(await reviewerB.unit.search({ query: "党支部" }))).toEqual(["B局第一党支部"]);
  });

  it("staff find only their own unit", async () => {
    expect(names(await staffA1.unit.search({ query: "党支部" }))).toEqual(["A局第一党支部"]);
    expect(names(await staffA1.unit.search({ query: "A局" }))).toEqual(["A局第一党支部"]);
    expect(names(await staffA1.unit.search({ query: "机关党委" }))).toEqual([]);
  });

  it("a subtree root outside the caller's reach is refused; inside it narrows the search", async () => {
    expect(await outcomeOf(reviewerA.unit.search({ query: "党支部", rootId: t.tree.branchB.id }))).toBe("FORBIDDEN");
    expect(names(await admin.unit.search({ query: "党支部", rootId: t.tree.branchB.id }))).toEqual(["B局第一党支部"]);
  });

  it("treats % and _ as letters, ranks the exact and leading matches first, and says when there are more", async () => {
    expect((await admin.unit.search({ query: "%" })).units).toEqual([]);
    expect((await admin.unit.search({ query: "_" })).units).toEqual([]);
    const ranked = await admin.unit.search({ query: "A局" });
    expect(ranked.units[0]!.name).toBe("A局机关党委"); // shallower first among leading matches
    const few = await admin.unit.search({ query: "党", limit: 2 });
    expect(few.units).toHaveLength(2);
    expect(few.more).toBe(true);
    expect((await fieldErrorsOf(admin.unit.search({ query: "  " }))).query).toMatch(/^请输入单位名称/);
  });
});

describe("unit.get", () => {
  it("names a unit in reach with its ancestors; outside reach it does not exist", async () => {
    expect(await reviewerA.unit.get({ id: t.tree.leafA1.id })).toEqual({
      id: t.tree.leafA1.id,
      name: "A局第一党支部",
      type: "branch",
      path: ["A局机关党委"],
    });
    expect(await outcomeOf(reviewerA.unit.get({ id: t.tree.leafB1.id }))).toBe("NOT_FOUND");
    expect(await outcomeOf(reviewerA.unit.get({ id: 999_999 }))).toBe("NOT_FOUND");
    expect(await outcomeOf(staffA1.unit.get({ id: t.tree.branchA.id }))).toBe("NOT_FOUND");
  });
});

describe("unit.tree", () => {
  it("lists units in tree order (each unit right after its parent), whatever the creation order", async () => {
    // Created last, under branchA: a level-sorted list would put it after branchB's leaf.
    const late = await createUnit(t.db, { name: "A局后建党总支", type: "general_branch", parent: t.tree.branchA });
    const order = (await admin.unit.tree()).map((u) => u.name);
    expect(order.indexOf("A局后建党总支")).toBeLessThan(order.indexOf("B局机关党委"));
    expect(order.indexOf("A局机关党委")).toBeLessThan(order.indexOf("A局第一党支部"));
    expect(order.indexOf("B局机关党委")).toBeLessThan(order.indexOf("B局第一党支部"));
    const level = await admin.unit.tree({ rootId: t.tree.branchA.id, depth: 1 });
    expect(level.map((u) => [u.name, u.hasChildren])).toEqual([
      ["A局机关党委", true],
      ["A局第一党支部", false],
      ["A局第二党支部", false],
      ["A局后建党总支", false],
    ]);
    expect(late.id).toBeGreaterThan(0);
  });
});
