import { and, count, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, reports, units, type Role } from "~/db/schema";
import { callerFor, createActor } from "../factories";
import { auditRows, fieldErrorsOf, trpcError, changeAuditCount } from "./trpc-expect";
import { useTreeDb } from "./test-db";

const t = useTreeDb();
let admin: ReturnType<typeof callerFor>;

beforeAll(async () => {
  admin = callerFor(t.db, await createActor(t.db, "admin", t.tree.root));
});

const attrs = { type: "branch" as const, memberCount: 7, secretaryIsHead: true, fullTimeStaff: false };
const unitRow = async (id: number) => (await t.db.select().from(units).where(eq(units.id, id)))[0]!;

describe("unit administration is for admins only", () => {
  it.each<Role>(["leader", "reviewer", "staff"])("%s gets FORBIDDEN on every unit admin procedure and changes nothing", async (role) => {
    const intruder = await createActor(t.db, role, t.tree.root);
    const caller = callerFor(t.db, intruder);
    // Refused calls are themselves audited (authz.refused); nothing else may be written.
    const before = await changeAuditCount(t.db);
    const calls = [
      () => caller.unit.adminList(),
      () => caller.unit.create({ parentId: t.tree.branchA.id, name: `越权新建-${role}`, ...attrs }),
      () => caller.unit.update({ id: t.tree.leafA1.id, name: "越权改名" }),
      () => caller.unit.move({ id: t.tree.leafA1.id, parentId: t.tree.branchB.id }),
      () => caller.unit.setActive({ id: t.tree.leafA2.id, active: false }),
    ];
    for (const call of calls) expect((await trpcError(call())).code).toBe("FORBIDDEN");
    expect(await changeAuditCount(t.db)).toBe(before);
    const refusals = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "authz.refused"), eq(auditLog.actorId, intruder.id)));
    expect(refusals).toHaveLength(calls.length);
    expect((await unitRow(t.tree.leafA1.id)).name).toBe("A局第一党支部");
  });
});

describe("unit.create / unit.update", () => {
  it("creates a unit under a parent with its path, depth and attributes, and audits it", async () => {
    const created = await admin.unit.create({ parentId: t.tree.branchA.id, name: "  A局第三党支部 ", ...attrs });
    const row = await unitRow(created.id);
    expect(row).toMatchObject({
      parentId: t.tree.branchA.id,
      name: "A局第三党支部",
      path: `${t.tree.branchA.path}${created.id}/`,
      depth: t.tree.branchA.depth + 1,
      type: "branch",
      memberCount: 7,
      secretaryIsHead: true,
      fullTimeStaff: false,
      active: true,
    });
    expect((await admin.unit.tree({ rootId: t.tree.branchA.id })).map((u) => u.id)).toContain(created.id);
    const [audit] = await auditRows(t.db, "unit.create", created.id);
    expect(audit!.after).toMatchObject({ name: "A局第三党支部", parentId: t.tree.branchA.id, memberCount: 7 });
  });

  it("refuses invalid input with a message on each field", async () => {
    const errors = await fieldErrorsOf(
      admin.unit.create({
        parentId: t.tree.branchA.id,
        name: "  ",
        type: "club" as never,
        memberCount: -1,
        secretaryIsHead: false,
        fullTimeStaff: false,
      }),
    );
    expect(errors.name).toContain("请填写单位名称");
    expect(errors.type).toContain("请选择单位类型");
    expect(errors.memberCount).toContain("不能为负数");
    expect((await fieldErrorsOf(admin.unit.create({ parentId: 999_999, name: "无主单位", ...attrs }))).parentId).toContain(
      "上级单位不存在",
    );
    expect((await fieldErrorsOf(admin.unit.create({ parentId: t.tree.branchA.id, name: "A局第一党支部", ...attrs }))).name).toContain(
      "已有名为“A局第一党支部”的单位",
    );
  });

  it("renames and changes attributes, last write wins, audited with before and after", async () => {
    const { id } = await admin.unit.create({ parentId: t.tree.branchB.id, name: "B局待改名支部", ...attrs });
    await admin.unit.update({ id, name: "B局综合党支部", memberCount: 12, fullTimeStaff: true });
    await admin.unit.update({ id, type: "general_branch", secretaryIsHead: false });
    expect(await unitRow(id)).toMatchObject({
      name: "B局综合党支部",
      memberCount: 12,
      fullTimeStaff: true,
      type: "general_branch",
      secretaryIsHead: false,
    });
    const rows = await auditRows(t.db, "unit.update", id);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.before).toMatchObject({ name: "B局待改名支部", memberCount: 7 });
    expect(rows[0]!.after).toMatchObject({ name: "B局综合党支部", memberCount: 12 });
    expect((await fieldErrorsOf(admin.unit.update({ id, name: "B局第一党支部" }))).name).toContain("已有名为");
    expect((await trpcError(admin.unit.update({ id: 999_999, name: "不存在" }))).code).toBe("NOT_FOUND");
  });
});

describe("unit.move", () => {
  // X (党委) ─ X1 (党总支) ─ X11 (党支部) under branchA; moved as a whole.
  let x: number, x1: number, x11: number;
  beforeAll(async () => {
    x = (await admin.unit.create({ parentId: t.tree.branchA.id, name: "移动测试党委", ...attrs, type: "committee" })).id;
    x1 = (await admin.unit.create({ parentId: x, name: "移动测试党总支", ...attrs, type: "general_branch" })).id;
    x11 = (await admin.unit.create({ parentId: x1, name: "移动测试支部", ...attrs })).id;
  });

  it("rewrites the path and depth of the whole subtree and the moved unit's parent", async () => {
    // A 党委 may only stand under a 党委 or 部门 (lib/unit-hierarchy.ts): branchB is one.
    const target = t.tree.branchB;
    const res = await admin.unit.move({ id: x, parentId: target.id });
    expect(res).toMatchObject({ moved: 3, depth: target.depth + 1 });
    const rows = await t.db
      .select()
      .from(units)
      .where(inArray(units.id, [x, x1, x11]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(x)).toMatchObject({ parentId: target.id, path: `${target.path}${x}/`, depth: target.depth + 1 });
    expect(byId.get(x1)).toMatchObject({ parentId: x, path: `${target.path}${x}/${x1}/`, depth: target.depth + 2 });
    expect(byId.get(x11)).toMatchObject({ parentId: x1, path: `${target.path}${x}/${x1}/${x11}/`, depth: target.depth + 3 });
    // Units outside the subtree are untouched.
    expect(await unitRow(t.tree.leafA1.id)).toMatchObject({ path: t.tree.leafA1.path, depth: t.tree.leafA1.depth });

    // Scope follows the new tree at once: branchB's leader now sees the moved units, branchA's does not.
    const leaderB = callerFor(t.db, await createActor(t.db, "leader", t.tree.branchB));
    expect((await leaderB.unit.tree()).map((u) => u.id)).toEqual(expect.arrayContaining([x, x1, x11]));
    const leaderA = callerFor(t.db, await createActor(t.db, "leader", t.tree.branchA));
    expect((await leaderA.unit.tree()).map((u) => u.id)).not.toContain(x11);

    const [audit] = await auditRows(t.db, "unit.move", x);
    expect(audit!.before).toMatchObject({ parentId: t.tree.branchA.id, path: `${t.tree.branchA.path}${x}/` });
    expect(audit!.after).toMatchObject({ parentId: target.id, subtreeSize: 3 });
  });

  it("moves a subtree up again, decreasing depths", async () => {
    await admin.unit.move({ id: x1, parentId: t.tree.root.id });
    expect(await unitRow(x1)).toMatchObject({ parentId: t.tree.root.id, path: `${t.tree.root.path}${x1}/`, depth: 1 });
    expect(await unitRow(x11)).toMatchObject({ path: `${t.tree.root.path}${x1}/${x11}/`, depth: 2 });
    expect(await unitRow(x)).toMatchObject({ depth: t.tree.branchB.depth + 1 }); // the old parent stays put
    await admin.unit.move({ id: x1, parentId: x }); // back for the next test
  });

  it("refuses moving under itself, under a descendant, under the same parent, and moving the root", async () => {
    const before = await t.db.select().from(units).orderBy(units.id);
    expect((await fieldErrorsOf(admin.unit.move({ id: x, parentId: x }))).parentId).toContain("不能移到本单位或其下级单位之下");
    expect((await fieldErrorsOf(admin.unit.move({ id: x, parentId: x11 }))).parentId).toContain("不能移到本单位或其下级单位之下");
    expect((await fieldErrorsOf(admin.unit.move({ id: x1, parentId: x }))).parentId).toContain("已在所选上级单位之下");
    expect((await fieldErrorsOf(admin.unit.move({ id: x, parentId: 999_999 }))).parentId).toContain("上级单位不存在");
    const root = await trpcError(admin.unit.move({ id: t.tree.root.id, parentId: t.tree.branchA.id }));
    expect(root.code).toBe("PRECONDITION_FAILED");
    expect(root.message).toContain("根单位不能移动");
    expect(await t.db.select().from(units).orderBy(units.id)).toEqual(before);
  });
});

describe("unit.setActive", () => {
  it("refuses to deactivate a unit with active users or child units, naming how many", async () => {
    const { id: parent } = await admin.unit.create({
      parentId: t.tree.branchB.id,
      name: "停用测试党总支",
      ...attrs,
      type: "general_branch",
    });
    const { id: childA } = await admin.unit.create({ parentId: parent, name: "停用测试一支部", ...attrs });
    const { id: childB } = await admin.unit.create({ parentId: parent, name: "停用测试二支部", ...attrs });
    const worker = await createActor(t.db, "staff", await unitRow(parent));

    const both = await trpcError(admin.unit.setActive({ id: parent, active: false }));
    expect(both.code).toBe("PRECONDITION_FAILED");
    expect(both.message).toContain("还有 1 名启用的用户、2 个启用的下级单位");

    await admin.user.setActive({ id: worker.id, active: false });
    expect((await trpcError(admin.unit.setActive({ id: parent, active: false }))).message).toContain("还有 2 个启用的下级单位，不能停用");

    // History stays: a child with a report can be deactivated, and the report is still there.
    await t.db.insert(reports).values({ unitId: childA, quarter: "2025Q4" });
    await admin.unit.setActive({ id: childA, active: false });
    await admin.unit.setActive({ id: childB, active: false });
    await admin.unit.setActive({ id: parent, active: false });
    expect(await t.db.select().from(reports).where(eq(reports.unitId, childA))).toHaveLength(1);

    // Hidden from the tree, still listed (inactive) for the admin.
    expect((await admin.unit.tree()).map((u) => u.id)).not.toContain(parent);
    const listed = (await admin.unit.adminList()).find((u) => u.id === parent);
    expect(listed).toMatchObject({ active: false, users: 1, activeUsers: 0 });

    // Nothing new hangs under an inactive unit; a child cannot come back before its parent.
    expect((await fieldErrorsOf(admin.unit.create({ parentId: parent, name: "新支部", ...attrs }))).parentId).toContain("已停用");
    expect((await fieldErrorsOf(admin.unit.move({ id: t.tree.leafA2.id, parentId: parent }))).parentId).toContain("已停用");
    const early = await trpcError(admin.unit.setActive({ id: childA, active: true }));
    expect(early.message).toContain("请先启用上级单位");
    await admin.unit.setActive({ id: parent, active: true });
    await admin.unit.setActive({ id: childA, active: true });
    expect((await unitRow(childA)).active).toBe(true);

    const audits = await auditRows(t.db, "unit.setActive", parent);
    expect(audits.map((a) => a.after)).toMatchObject([{ active: false }, { active: true, reportsUntil: null }]);
  });

  it("refuses to deactivate the root", async () => {
    const err = await trpcError(admin.unit.setActive({ id: t.tree.root.id, active: false }));
    expect(err.code).toBe("PRECONDITION_FAILED");
    expect(err.message).toContain("根单位不能停用");
  });
});

describe("unit.adminList", () => {
  it("lists every unit in tree order with user counts", async () => {
    const list = await admin.unit.adminList();
    const [total] = await t.db.select({ n: count() }).from(units);
    expect(list).toHaveLength(total!.n);
    expect(list[0]!.id).toBe(t.tree.root.id);
    // Every unit comes after its parent, and a subtree is contiguous.
    const position = new Map(list.map((u, i) => [u.id, i]));
    for (const u of list) if (u.parentId !== null) expect(position.get(u.id)!).toBeGreaterThan(position.get(u.parentId)!);
    for (let i = 1; i < list.length; i++) {
      const prev = list[i - 1]!;
      const cur = list[i]!;
      if (cur.depth > prev.depth) expect(cur.parentId).toBe(prev.id);
    }
    expect(list.find((u) => u.id === t.tree.root.id)!.activeUsers).toBeGreaterThanOrEqual(1);
  });
});
