import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, users, type Role } from "~/db/schema";
import { authorizeCredentials } from "~/server/auth/authorize";
import { loadActor } from "~/server/auth/load-actor";
import type { Actor } from "~/server/scope";
import { callerFor, createActor } from "../factories";
import { auditRows, fieldErrorsOf, trpcError, changeAuditCount } from "./trpc-expect";
import { useTreeDb } from "./test-db";

const t = useTreeDb();
let adminActor: Actor;
let admin: ReturnType<typeof callerFor>;

beforeAll(async () => {
  adminActor = await createActor(t.db, "admin", t.tree.root);
  admin = callerFor(t.db, adminActor);
});

const newUser = (username: string, over: Partial<{ role: Role; unitId: number; password: string; displayName: string }> = {}) =>
  admin.user.create({ username, displayName: "王小明", role: "staff", unitId: t.tree.leafA1.id, password: "secret-pass-1", ...over });

describe("user administration is for admins only", () => {
  it.each<Role>(["leader", "reviewer", "staff"])("%s gets FORBIDDEN on every user admin procedure and changes nothing", async (role) => {
    const intruder = await createActor(t.db, role, t.tree.root);
    const caller = callerFor(t.db, intruder);
    const victim = await createActor(t.db, "staff", t.tree.leafB1);
    // Refused calls are themselves audited (authz.refused); nothing else may be written.
    const before = await changeAuditCount(t.db);
    const calls = [
      () => caller.user.list(),
      () =>
        caller.user.create({
          username: `sneaky_${role}`,
          displayName: "越权",
          role: "admin",
          unitId: t.tree.root.id,
          password: "12345678",
        }),
      () => caller.user.update({ id: victim.id, role: "admin" }),
      () => caller.user.resetPassword({ id: victim.id, password: "taken-over-1" }),
      () => caller.user.setActive({ id: victim.id, active: false }),
    ];
    for (const call of calls) expect((await trpcError(call())).code).toBe("FORBIDDEN");
    expect(await changeAuditCount(t.db)).toBe(before);
    const refusals = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "authz.refused"), eq(auditLog.actorId, intruder.id)));
    expect(refusals.map((r) => r.entityId).sort()).toEqual([
      "user.create",
      "user.list",
      "user.resetPassword",
      "user.setActive",
      "user.update",
    ]);
    expect(await loadActor(t.db, victim.id)).toMatchObject({ role: "staff" });
  });
});

describe("signed-out callers", () => {
  it("get UNAUTHORIZED on every user and unit admin procedure", async () => {
    const anon = callerFor(t.db, null);
    const calls = [
      () => anon.user.list(),
      () => anon.user.create({ username: "anon_user", displayName: "匿名", role: "admin", unitId: t.tree.root.id, password: "12345678" }),
      () => anon.user.update({ id: adminActor.id, role: "staff" }),
      () => anon.user.resetPassword({ id: adminActor.id, password: "12345678" }),
      () => anon.user.setActive({ id: adminActor.id, active: false }),
      () => anon.unit.adminList(),
      () =>
        anon.unit.create({
          parentId: t.tree.root.id,
          name: "匿名单位",
          type: "branch",
          memberCount: 1,
          secretaryIsHead: false,
          fullTimeStaff: false,
        }),
      () => anon.unit.update({ id: t.tree.leafA1.id, name: "匿名改名" }),
      () => anon.unit.move({ id: t.tree.leafA1.id, parentId: t.tree.branchB.id }),
      () => anon.unit.setActive({ id: t.tree.leafA1.id, active: false }),
    ];
    for (const call of calls) expect((await trpcError(call())).code).toBe("UNAUTHORIZED");
  });
});

describe("user.create", () => {
  it("creates a user who can sign in, returns no password hash, and audits without it", async () => {
    const created = await newUser("wang.xm", { displayName: " 王小明 " });
    expect(created).toMatchObject({ username: "wang.xm", displayName: "王小明", role: "staff", unitId: t.tree.leafA1.id, active: true });
    expect(created).not.toHaveProperty("passwordHash");
    expect(await authorizeCredentials(t.db, { username: "wang.xm", password: "secret-pass-1" })).toEqual({
      id: String(created.id),
      name: "王小明",
    });
    const [audit] = await auditRows(t.db, "user.create", created.id);
    expect(audit!.after).toEqual({ username: "wang.xm", displayName: "王小明", role: "staff", unitId: t.tree.leafA1.id, active: true });
    expect(JSON.stringify(audit)).not.toContain("argon2");
  });

  it("refuses a username that is taken, on the username field", async () => {
    await newUser("dup_user");
    const errors = await fieldErrorsOf(newUser("dup_user", { unitId: t.tree.leafB1.id }));
    expect(errors.username).toContain("用户名“dup_user”已被使用");
    const [n] = await t.db.select({ n: count() }).from(users).where(eq(users.username, "dup_user"));
    expect(n!.n).toBe(1);
  });

  it("refuses two simultaneous creations of one username except one", async () => {
    const results = await Promise.allSettled([newUser("race_user"), newUser("race_user")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failed.reason).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("validates every field with a message on it", async () => {
    const errors = await fieldErrorsOf(
      admin.user.create({ username: "AB", displayName: " ", role: "boss" as never, unitId: t.tree.leafA1.id, password: "short" }),
    );
    expect(errors.username).toContain("3–32 位小写字母");
    expect(errors.displayName).toContain("请填写姓名");
    expect(errors.role).toContain("请选择角色");
    expect(errors.password).toContain("至少 8 位");
    expect((await fieldErrorsOf(newUser("has space"))).username).toContain("3–32 位小写字母");
    expect((await fieldErrorsOf(newUser("x".repeat(33)))).username).toContain("3–32 位小写字母");
    expect((await fieldErrorsOf(newUser("nowhere", { unitId: 999_999 }))).unitId).toContain("单位不存在");
    expect((await fieldErrorsOf(newUser("no_unit_chosen", { unitId: 0 }))).unitId).toContain("请选择所在单位");
  });

  it("refuses placing a user in an inactive unit", async () => {
    const { id } = await admin.unit.create({
      parentId: t.tree.branchB.id,
      name: "已撤销党支部",
      type: "branch",
      memberCount: 0,
      secretaryIsHead: false,
      fullTimeStaff: false,
    });
    await admin.unit.setActive({ id, active: false });
    expect((await fieldErrorsOf(newUser("into_inactive", { unitId: id }))).unitId).toContain("已停用");
    const someone = await newUser("moving_later");
    expect((await fieldErrorsOf(admin.user.update({ id: someone.id, unitId: id }))).unitId).toContain("已停用");
  });
});

describe("user.list", () => {
  beforeAll(async () => {
    await newUser("list_b1", { unitId: t.tree.leafB1.id, displayName: "赵丽华" });
    await newUser("list_lead", { unitId: t.tree.branchB.id, role: "leader", displayName: "钱国强" });
  });

  it("filters by unit subtree, role, status and search, with the unit name and without hashes", async () => {
    const inB = await admin.user.list({ unitId: t.tree.branchB.id, search: "list_" });
    expect(inB.items.map((u) => u.username).sort()).toEqual(["list_b1", "list_lead"]);
    expect(inB.total).toBe(2);
    expect(inB.items.find((u) => u.username === "list_b1")).toMatchObject({ unitName: "B局第一党支部", role: "staff", active: true });
    for (const u of inB.items) expect(u).not.toHaveProperty("passwordHash");

    expect((await admin.user.list({ unitId: t.tree.branchB.id, role: "leader", search: "list_" })).items.map((u) => u.username)).toEqual([
      "list_lead",
    ]);
    expect((await admin.user.list({ search: "赵丽" })).items.map((u) => u.username)).toEqual(["list_b1"]);
    expect((await admin.user.list({ search: "LIST_B" })).items.map((u) => u.username)).toEqual(["list_b1"]);
    // LIKE wildcards in the search are literal characters.
    expect((await admin.user.list({ search: "%" })).total).toBe(0);
  });

  it("pages through the result and filters by status", async () => {
    const all = await admin.user.list({ pageSize: 200 });
    const page2 = await admin.user.list({ page: 2, pageSize: 3 });
    expect(page2.items.map((u) => u.id)).toEqual(all.items.slice(3, 6).map((u) => u.id));
    expect(page2.total).toBe(all.total);
    const inactive = await admin.user.list({ active: false });
    expect(inactive.items.every((u) => !u.active)).toBe(true);
  });
});

describe("user.update / resetPassword / setActive", () => {
  it("a changed role or unit is what loadActor sees on the very next request", async () => {
    const u = await newUser("promote_me");
    await admin.user.update({ id: u.id, role: "reviewer", unitId: t.tree.branchA.id, displayName: "王审核" });
    expect(await loadActor(t.db, u.id)).toMatchObject({
      role: "reviewer",
      unitId: t.tree.branchA.id,
      unitPath: t.tree.branchA.path,
      displayName: "王审核",
    });
    const [audit] = await auditRows(t.db, "user.update", u.id);
    expect(audit!.before).toMatchObject({ role: "staff", unitId: t.tree.leafA1.id });
    expect(audit!.after).toMatchObject({ role: "reviewer", unitId: t.tree.branchA.id });
    expect((await trpcError(admin.user.update({ id: 999_999, role: "staff" }))).code).toBe("NOT_FOUND");
  });

  it("a reset password works and the old one no longer does; the audit row holds no hash", async () => {
    const u = await newUser("forgetful");
    await admin.user.resetPassword({ id: u.id, password: "brand-new-pass" });
    expect(await authorizeCredentials(t.db, { username: "forgetful", password: "brand-new-pass" })).toMatchObject({ id: String(u.id) });
    expect(await authorizeCredentials(t.db, { username: "forgetful", password: "secret-pass-1" })).toBeNull();
    const [audit] = await auditRows(t.db, "user.resetPassword", u.id);
    expect(audit!.after).toEqual({ passwordReset: true, sessionsEnded: 0 });
    expect(audit!.before).toBeNull();
    expect((await fieldErrorsOf(admin.user.resetPassword({ id: u.id, password: "1234567" }))).password).toContain("至少 8 位");
  });

  it("a deactivated user cannot sign in and their session stops; reactivation restores both", async () => {
    const u = await newUser("leaving_soon");
    expect(await loadActor(t.db, u.id)).not.toBeNull();
    await admin.user.setActive({ id: u.id, active: false });
    expect(await authorizeCredentials(t.db, { username: "leaving_soon", password: "secret-pass-1" })).toBeNull();
    expect(await loadActor(t.db, u.id)).toBeNull();
    await admin.user.setActive({ id: u.id, active: true });
    expect(await authorizeCredentials(t.db, { username: "leaving_soon", password: "secret-pass-1" })).not.toBeNull();
    const audits = await auditRows(t.db, "user.setActive", u.id);
    expect(audits.map((a) => a.after)).toEqual([{ active: false }, { active: true }]);
  });

  it("an admin cannot deactivate themselves or drop their own admin role", async () => {
    const inactive = await fieldErrorsOf(admin.user.setActive({ id: adminActor.id, active: false }));
    expect(inactive.active).toContain("不能停用自己的账号");
    const demoted = await fieldErrorsOf(admin.user.update({ id: adminActor.id, role: "leader" }));
    expect(demoted.role).toContain("不能取消自己的管理员角色");
    expect(await loadActor(t.db, adminActor.id)).toMatchObject({ role: "admin" });
    // Other changes to one's own account are fine.
    await admin.user.update({ id: adminActor.id, role: "admin", displayName: "管理员本人" });
    expect((await loadActor(t.db, adminActor.id))!.displayName).toBe("管理员本人");
  });

  it("another admin can be demoted and deactivated", async () => {
    const other = await newUser("second_admin", { role: "admin", unitId: t.tree.root.id });
    await admin.user.update({ id: other.id, role: "leader" });
    await admin.user.setActive({ id: other.id, active: false });
    expect(await loadActor(t.db, other.id)).toBeNull();
  });
});
