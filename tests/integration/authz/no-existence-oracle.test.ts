import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "~/db/schema";
import type { Actor } from "~/server/scope";
import { callerFor, createActor } from "../../factories";
import { useTreeDb } from "../test-db";
import { fieldErrorsOf, trpcError } from "../trpc-expect";
import { Fixtures } from "./fixtures";

/**
 * No existence oracle (issue 13.3): a record id out of the caller's reading reach answers
 * exactly like an id that does not exist — same code, same message (but for the id itself) —
 * in every procedure that takes one, and in case.create's source check.
 */
const t = useTreeDb();
let fx: Fixtures;
let reviewer: Actor; // at branchA: reads and handles cases in branchA's subtree only
let staff: Actor; // at leafA1
const UNKNOWN = 987_654;

beforeAll(async () => {
  fx = await Fixtures.create(t.db, t.tree);
  reviewer = await createActor(t.db, "reviewer", t.tree.branchA);
  staff = await createActor(t.db, "staff", t.tree.leafA1);
});

/** The same error with the id written as #: what tells an unknown id from an out-of-reach one, if anything. */
const shape = async (p: Promise<unknown>, id: number) => {
  const e = await trpcError(p);
  return { code: e.code, message: e.message.replaceAll(String(id), "#") };
};

describe("records by id: out of reach answers like unknown", () => {
  const cases: [string, (a: Actor, id: number) => Promise<unknown>, () => Promise<number>][] = [
    ["case.get", (a, id) => callerFor(t.db, a).case.get({ id }), async () => (await fx.case(t.tree.leafB1, "oracle")).id],
    [
      "case.update",
      (a, id) => callerFor(t.db, a).case.update({ id, version: 1, facts: "更正后的问题事实。" }),
      async () => (await fx.case(t.tree.leafB1, "oracle")).id,
    ],
    [
      "case.transition",
      (a, id) => callerFor(t.db, a).case.transition({ id, to: "investigating", comment: "开始调查核实" }),
      async () => (await fx.case(t.tree.leafB1, "oracle")).id,
    ],
    [
      "case.addItem",
      (a, id) => callerFor(t.db, a).case.addItem({ caseId: id, description: "整改", owner: "书记", deadline: "2026-12-31" }),
      async () => (await fx.case(t.tree.leafB1, "oracle")).id,
    ],
    [
      "case.completeItem",
      (a, id) => callerFor(t.db, a).case.completeItem({ itemId: id }),
      async () => (await fx.item(t.tree.leafB1, "oracle")).id,
    ],
    ["meeting.get", (a, id) => callerFor(t.db, a).meeting.get({ id }), async () => (await fx.meeting(t.tree.leafB1, "oracle")).id],
    ["inspection.get", (a, id) => callerFor(t.db, a).inspection.get({ id }), async () => (await fx.inspection(t.tree.leafB1, "oracle")).id],
  ];

  it.each(cases)("%s: another branch's id and an unknown id give the same NOT_FOUND", async (_name, call, elsewhere) => {
    const id = await elsewhere();
    for (const actor of [reviewer, staff]) {
      const out = await shape(call(actor, id), id);
      const unknown = await shape(call(actor, UNKNOWN), UNKNOWN);
      expect(out).toEqual(unknown);
      expect(out.code).toBe("NOT_FOUND");
    }
  });

  it("the probe of an id out of reach is audited (authz.refused, NOT_FOUND, outOfReach); an unknown id's is not", async () => {
    const { id } = await fx.case(t.tree.leafB1, "oracle-audit");
    const prober = await createActor(t.db, "reviewer", t.tree.branchA);
    const rows = () =>
      t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "authz.refused"), eq(auditLog.actorId, prober.id)));
    await trpcError(callerFor(t.db, prober).case.get({ id: UNKNOWN }));
    await trpcError(callerFor(t.db, prober).case.get({ id }));
    // written without delaying the answer: wait for it, however slow the machine (the test's timeout bounds the wait)
    while ((await rows()).length === 0) await new Promise((r) => setTimeout(r, 20));
    const written = await rows();
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ entityId: "case.get", after: { code: "NOT_FOUND", outOfReach: { kind: "case", id } } });
  });

  it("a case the caller may read but not handle is FORBIDDEN (they know it exists)", async () => {
    const { id } = await fx.case(t.tree.leafA1, "oracle-readable");
    const leader = await createActor(t.db, "leader", t.tree.branchA);
    expect((await trpcError(callerFor(t.db, leader).case.transition({ id, to: "investigating", comment: "开始调查核实" }))).code).toBe(
      "FORBIDDEN",
    );
    await expect(callerFor(t.db, leader).case.get({ id })).resolves.toMatchObject({ id });
  });
});

describe("case.create's source check tells nothing about other branches' records", () => {
  const base = (unitId: number) => ({
    unitId,
    subject: "organisation" as const,
    category: "inner_life" as const,
    rootCause: "misperception" as const,
    form: "inspection" as const,
    facts: "来源测试",
  });
  const sources: [string, "meeting" | "inspection" | "review_meeting" | "report", () => Promise<number>][] = [
    ["meeting", "meeting", async () => (await fx.meeting(t.tree.leafB1, "oracle-source")).id],
    ["inspection", "inspection", async () => (await fx.inspection(t.tree.leafB1, "oracle-source")).id],
    ["review meeting", "review_meeting", async () => (await fx.review(t.tree.branchB, "oracle-source", "planned")).id],
  ];

  it.each(sources)("a %s of another branch answers like an unknown id", async (_n, sourceType, elsewhere) => {
    const id = await elsewhere();
    const caller = callerFor(t.db, reviewer);
    const call = (sourceId: number) => caller.case.create({ ...base(t.tree.leafA1.id), sourceType, sourceId });
    const out = await fieldErrorsOf(call(id));
    const unknown = await fieldErrorsOf(call(UNKNOWN));
    expect(out.sourceId?.replaceAll(String(id), "#")).toBe(unknown.sourceId?.replaceAll(String(UNKNOWN), "#"));
    expect(out.sourceId).toMatch(/^来源记录不存在或无权查看/);
  });

  it("a readable source of another unit in reach is still refused as not this unit's", async () => {
    const { id } = await fx.meeting(t.tree.leafA2, "oracle-source-sibling");
    const errors = await fieldErrorsOf(
      callerFor(t.db, reviewer).case.create({ ...base(t.tree.leafA1.id), sourceType: "meeting", sourceId: id }),
    );
    expect(errors.sourceId).toMatch(/来源记录不属于该单位/);
  });
});
