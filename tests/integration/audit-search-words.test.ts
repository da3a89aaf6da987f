import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { users } from "~/db/schema";
import type { Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { callerFor, createActor } from "../factories";
import { useTreeDb } from "./test-db";

const t = useTreeDb();
let admin: ReturnType<typeof callerFor>;
let zhang: Actor;
let li: Actor;

beforeAll(async () => {
  admin = callerFor(t.db, await createActor(t.db, "admin", t.tree.root));
  zhang = await createActor(t.db, "reviewer", t.tree.branchB);
  li = await createActor(t.db, "staff", t.tree.leafA1);
  await t.db.update(users).set({ displayName: "张三" }).where(eq(users.id, zhang.id));
  await t.db.update(users).set({ displayName: "李四" }).where(eq(users.id, li.id));
  await writeAudit(t.db, zhang, {
    action: "case.transition",
    entity: "case",
    entityId: 12,
    unitId: t.tree.branchB.id,
    before: { status: "investigating", version: 2 },
    after: { status: "decided", version: 3, comment: "查实" },
  });
  await writeAudit(t.db, zhang, {
    action: "case.create",
    entity: "case",
    entityId: 13,
    unitId: t.tree.branchB.id,
    after: { status: "opened", category: "two_skins" },
  });
  await writeAudit(t.db, li, {
    action: "report.submit",
    entity: "report",
    entityId: 7,
    unitId: t.tree.leafA1.id,
    before: { status: "draft" },
    after: { status: "submitted" },
  });
  await writeAudit(t.db, li, {
    action: "meeting.create",
    entity: "meeting",
    entityId: 40,
    unitId: t.tree.leafA1.id,
    after: { type: "org_life", date: "2026-11-03" },
  });
});

const found = async (q: string) => (await admin.audit.search({ q, limit: 100 })).items.map((e) => `${e.action}#${e.entityId}`);

describe("the audit log is searchable by the words it is read in", () => {
  it("finds an entry by the actor's name, the object's name and the status words", async () => {
    expect(await found("张三")).toEqual(["case.create#13", "case.transition#12"]);
    expect(await found("调查核实")).toEqual(["case.transition#12"]);
    expect(await found("作出问责决定")).toEqual(["case.transition#12"]);
    expect(await found("案件")).toEqual(expect.arrayContaining(["case.create#13", "case.transition#12"]));
    expect(await found("案件")).not.toContain("report.submit#7");
    expect(await found("张三 调查核实 案件")).toEqual(["case.transition#12"]);
    expect(await found("#12")).toEqual(["case.transition#12"]);
    expect(await found("调查核实 李四")).toEqual([]); // every word must match the same entry
  });

  it("matches category, unit, meeting type and English words too", async () => {
    expect(await found("党建业务融合")).toEqual(["case.create#13"]);
    expect(await found("组织生活会")).toEqual(["meeting.create#40"]);
    expect(await found("A局第一党支部")).toEqual(expect.arrayContaining(["report.submit#7", "meeting.create#40"]));
    expect(await found("已提交 李四")).toEqual(["report.submit#7"]);
    expect(await found("investigating")).toEqual(["case.transition#12"]);
    expect(await found("Submitted")).toEqual(["report.submit#7"]);
  });

  it("answers nothing, not everything, for words that name nothing", async () => {
    expect(await found("不存在的词")).toEqual([]);
    expect(await found("100%_")).toEqual([]);
  });
});
