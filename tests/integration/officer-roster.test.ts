import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { cases, inspections } from "~/db/schema";
import type { CreateOfficerInput } from "~/server/services/officer/schemas";
import { callersOn, usualCast, useTreeDb, type Caller } from "./test-db";
import { auditRows, fieldErrorsOf, outcomeOf, trpcError } from "./trpc-expect";

/** The officers roster (班子成员名册): who keeps it, the one-secretary-a-day rule, and the secretary links of inspections and cases. */
const t = useTreeDb();
let admin: Caller, reviewerA: Caller, leaderA: Caller, staffA1: Caller, reviewerB: Caller;

beforeAll(async () => {
  ({ admin, reviewerA, leaderA, staffA1, reviewerB } = await callersOn(t, usualCast));
});

const tenure = (unitId: number, over: Partial<CreateOfficerInput> = {}) => ({
  unitId,
  name: "李明",
  post: "secretary" as const,
  fullTime: true,
  concurrentHead: false,
  from: "2024-01-01",
  ...over,
});

const officerOf = async (id: number) =>
  (await t.db.select({ officerId: inspections.officerId }).from(inspections).where(eq(inspections.id, id)))[0]!.officerId;

describe("the roster", () => {
  let li: { id: number; personId: number };

  it("is kept by admins only and read by whoever reads the unit", async () => {
    li = await admin.officer.create(tenure(t.tree.leafA1.id));
    expect(await outcomeOf(leaderA.officer.create(tenure(t.tree.leafA1.id, { name: "张三", post: "member" })))).toBe("FORBIDDEN");
    expect(await outcomeOf(reviewerA.officer.end({ id: li.id, to: "2025-01-01" }))).toBe("FORBIDDEN");
    const list = await staffA1.officer.list({ unitId: t.tree.leafA1.id });
    expect(list).toMatchObject([{ id: li.id, name: "李明", post: "secretary", fullTime: true, current: true, toDate: null }]);
    expect((await leaderA.officer.list({ unitId: t.tree.leafA1.id })).length).toBe(1);
    expect(await outcomeOf(reviewerB.officer.list({ unitId: t.tree.leafA1.id }))).toBe("FORBIDDEN");
    expect((await auditRows(t.db, "officer.create", li.id)).length).toBe(1);
  });

  it("refuses a second secretary on the same days, naming the secretary and the dates", async () => {
    const open = await fieldErrorsOf(admin.officer.create(tenure(t.tree.leafA1.id, { name: "王芳", from: "2025-06-01" })));
    expect(open.from).toMatch(/^该单位书记 李明 自 2024年1月1日 起在任.*since 2024-01-01/); // each language its one date format
    // A deputy on the same days is fine.
    await admin.officer.create(tenure(t.tree.leafA1.id, { name: "周丽", post: "deputy_secretary", fullTime: false, from: "2024-01-01" }));
  });

  it("records a change of secretary by ending the old tenure (end not before start)", async () => {
    const early = await fieldErrorsOf(admin.officer.end({ id: li.id, to: "2023-12-31" }));
    expect(early.to).toMatch(/^任职结束日期 2023年12月31日 不能早于开始日期 2024年1月1日.*end date 2023-12-31/);
    await admin.officer.end({ id: li.id, to: "2025-05-31" });
    const wang = await admin.officer.create(tenure(t.tree.leafA1.id, { name: "王芳", from: "2025-06-01" }));
    const list = await admin.officer.list({ unitId: t.tree.leafA1.id });
    expect(list.find((o) => o.id === li.id)).toMatchObject({ toDate: "2025-05-31", current: false });
    expect(list.find((o) => o.id === wang.id)).toMatchObject({ current: true });
    // Moving 王芳's start back into 李明's days is refused with 李明's dates.
    const v = list.find((o) => o.id === wang.id)!.version;
    const clash = await fieldErrorsOf(
      admin.officer.update({ ...tenure(t.tree.leafA1.id, { name: "王芳", from: "2025-05-31" }), id: wang.id, version: v }),
    );
    expect(clash.from).toMatch(/^该单位 2024年1月1日 至 2025年5月31日 的书记是 李明/);
  });

  it("updates with the version read (CONFLICT when stale) and corrects the person's name", async () => {
    const [row] = (await admin.officer.list({ unitId: t.tree.leafA1.id })).filter((o) => o.id === li.id);
    const input = {
      id: li.id,
      version: row!.version,
      name: "李 明",
      post: "secretary" as const,
      fullTime: false,
      concurrentHead: true,
      from: "2024-01-01",
      to: "2025-05-31",
    };
    const done = await admin.officer.update(input);
    expect(done.version).toBe(row!.version + 1);
    expect((await trpcError(admin.officer.update(input))).code).toBe("CONFLICT");
    const after = (await admin.officer.list({ unitId: t.tree.leafA1.id })).find((o) => o.id === li.id)!;
    expect(after).toMatchObject({ name: "李 明", concurrentHead: true, fullTime: false });
    await admin.officer.update({ ...input, version: done.version, name: "李明" });
  });

  it("continues a person on another unit, found by name", async () => {
    const found = await admin.officer.people({ query: "李" });
    expect(found[0]).toMatchObject({ id: li.personId, name: "李明" });
    expect(found[0]!.tenures.map((x) => x.unitName)).toEqual([t.tree.leafA1.name]);
    const moved = await admin.officer.create(tenure(t.tree.leafB1.id, { personId: li.personId, from: "2025-06-01" }));
    expect(moved.personId).toBe(li.personId);
    expect(await outcomeOf(leaderA.officer.people({ query: "李" }))).toBe("FORBIDDEN");
    const unknown = await fieldErrorsOf(admin.officer.create(tenure(t.tree.leafB1.id, { personId: 999_999, post: "member" })));
    expect(unknown.personId).toMatch(/999999/);
    // One person holds one post of a unit at a time: a second tenure on the same days is refused.
    const twice = await fieldErrorsOf(
      admin.officer.create(tenure(t.tree.leafB1.id, { personId: li.personId, post: "member", from: "2026-01-01" })),
    );
    expect(twice.from).toMatch(/^李明 自 2025年6月1日 起已在该单位任职/);
  });
});

describe("inspections and cases about the secretary", () => {
  it("link the secretary in post on their date, across a change of secretary and a unit move", async () => {
    const unit = t.tree.leafA1; // 李明 until 2025-05-31, then 王芳 (above)
    const roster = await admin.officer.list({ unitId: unit.id });
    const li = roster.find((o) => o.name === "李明")!.id;
    const wang = roster.find((o) => o.name === "王芳")!.id;
    const base = { unitId: unit.id, subject: "secretary" as const, result: "pass" as const };
    // The inspection form names the secretary of the chosen day before saving.
    expect((await reviewerA.officer.secretaryOn({ unitId: unit.id, date: "2025-03-10" })).secretary).toMatchObject({
      officerId: li,
      name: "李明",
      from: "2024-01-01",
    });
    expect((await reviewerA.officer.secretaryOn({ unitId: unit.id, date: "2025-08-01" })).secretary).toMatchObject({ name: "王芳" });
    expect((await reviewerA.officer.secretaryOn({ unitId: unit.id, date: "2023-01-01" })).secretary).toBeNull();
    expect((await fieldErrorsOf(reviewerA.officer.secretaryOn({ unitId: unit.id, date: "" }))).date).toMatch(/^请填写日期/);
    const before = await admin.inspection.create({ ...base, inspectedOn: "2025-03-10" });
    const after = await admin.inspection.create({ ...base, inspectedOn: "2025-08-01" });
    const ofLeader = await admin.inspection.create({ ...base, subject: "leader", inspectedOn: "2025-08-02" });
    expect(await officerOf(before.id)).toBe(li);
    expect(await officerOf(after.id)).toBe(wang);
    expect(await officerOf(ofLeader.id)).toBeNull();

    // Redating an inspection relinks it.
    await admin.inspection.update({ id: after.id, version: 1, ...base, inspectedOn: "2025-05-30" });
    expect(await officerOf(after.id)).toBe(li);
    await admin.inspection.update({ id: after.id, version: 2, ...base, inspectedOn: "2025-08-01" });

    // A case opened today about the secretary links whoever is in post today; about the organisation, nobody.
    const c = await reviewerA.case.create({
      unitId: unit.id,
      subject: "secretary",
      category: "leadership",
      rootCause: "poor_planning",
      form: "admonition",
      facts: "书记全年未讲党课。",
    });
    const org = await reviewerA.case.create({
      unitId: unit.id,
      subject: "organisation",
      category: "inner_life",
      rootCause: "misperception",
      form: "inspection",
      facts: "组织生活会流于形式。",
    });
    const linked = async (id: number) => (await t.db.select({ o: cases.officerId }).from(cases).where(eq(cases.id, id)))[0]!.o;
    expect(await linked(c.id)).toBe(wang);
    expect(await linked(org.id)).toBeNull();
    // The case page and the inspection list name the linked secretary.
    expect(await reviewerA.case.get({ id: c.id })).toMatchObject({ officerId: wang, secretaryName: "王芳" });
    const listed = (await reviewerA.inspection.list({ unitId: unit.id })).inspections;
    expect(listed.find((i) => i.id === before.id)).toMatchObject({ officerId: li, secretaryName: "李明" });

    // The unit moves to another branch: the links stay.
    await admin.unit.move({ id: unit.id, parentId: t.tree.branchB.id });
    expect(await officerOf(before.id)).toBe(li);
    expect(await officerOf(after.id)).toBe(wang);
    expect(await linked(c.id)).toBe(wang);
    await admin.unit.move({ id: unit.id, parentId: t.tree.branchA.id });
  });

  it("link again when the roster is entered after the inspection", async () => {
    const unit = t.tree.leafA2;
    const early = await admin.inspection.create({
      unitId: unit.id,
      subject: "secretary",
      result: "basic",
      findings: "学习记录不全",
      inspectedOn: "2025-04-01",
    });
    expect(await officerOf(early.id)).toBeNull();
    const late = await admin.officer.create(tenure(unit.id, { name: "陈刚", from: "2025-01-01" }));
    expect(await officerOf(early.id)).toBe(late.id);
    await admin.officer.end({ id: late.id, to: "2025-03-31" });
    expect(await officerOf(early.id)).toBeNull();
  });
});
