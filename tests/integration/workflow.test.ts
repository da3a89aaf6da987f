import { TRPCError } from "@trpc/server";
import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, settings } from "~/db/schema";
import { starterIndicators } from "~/scripts/seed/catalogue";
import { quarterOf } from "~/lib/quarter";
import { callerFor, createActor } from "../factories";
import { useTreeDb } from "./test-db";
import { outcomeOf } from "./trpc-expect";

const t = useTreeDb();
const running = quarterOf(new Date());
type Caller = ReturnType<typeof callerFor>;
let staff: Caller; // at leafA1
let reviewerA: Caller; // at branchA: reviews leafA1, not branchA itself
let reviewerB: Caller; // at branchB: another branch
let reviewerRoot: Caller;
let leader: Caller;
let admin: Caller;

// Required and typed in: values of `source: "meetings"` indicators are computed, never typed.
const requiredValues = starterIndicators
  .filter((i) => i.required && i.source !== "meetings")
  .map((i) => ({ indicatorCode: i.code, value: i.kind === "boolean" ? 1 : i.target }));

beforeAll(async () => {
  const { db, tree } = t;
  staff = callerFor(db, await createActor(db, "staff", tree.leafA1));
  reviewerA = callerFor(db, await createActor(db, "reviewer", tree.branchA));
  reviewerB = callerFor(db, await createActor(db, "reviewer", tree.branchB));
  reviewerRoot = callerFor(db, await createActor(db, "reviewer", tree.root));
  leader = callerFor(db, await createActor(db, "leader", tree.root));
  admin = callerFor(db, await createActor(db, "admin", tree.root));
});

/** A saved draft of leafA1 for `quarter`, complete enough to submit. */
async function completeDraft(quarter: string) {
  const unitId = t.tree.leafA1.id;
  const { version } = await staff.report.get({ unitId, quarter });
  await staff.report.save({ unitId, quarter, version, businessScore: 80, values: requiredValues });
  return { unitId, quarter };
}

describe("report workflow: draft → submitted → approved | returned", () => {
  it("refuses to submit a report that lacks required indicators, naming each field", async () => {
    const unitId = t.tree.leafA1.id;
    await staff.report.save({ unitId, quarter: "2026Q1", version: 0, values: [{ indicatorCode: "V2_volunteer_rate", value: 50 }] });
    const err = await staff.report.submit({ unitId, quarter: "2026Q1", version: 1 }).catch((e: TRPCError) => e);
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe("BAD_REQUEST");
    const fields = Object.keys((err as TRPCError & { cause: { fieldErrors: object } }).cause.fieldErrors);
    expect(fields).toEqual(expect.arrayContaining(["businessScore", ...requiredValues.map((v) => `values.${v.indicatorCode}`)]));
    expect((await staff.report.get({ unitId, quarter: "2026Q1" })).status).toBe("draft");
  });

  it("refuses to submit a report never saved", async () => {
    expect(await outcomeOf(staff.report.submit({ unitId: t.tree.leafA1.id, quarter: "2025Q1", version: 0 }))).toBe("PRECONDITION_FAILED");
  });

  it("submits, locks editing, and lets only a reviewer of an ancestor approve", async () => {
    const key = await completeDraft("2026Q1");
    const r = await staff.report.get(key);
    expect(await staff.report.submit({ ...key, version: r.version })).toMatchObject({ status: "submitted" });

    const submitted = await staff.report.get(key);
    expect(submitted.permissions.edit).toBe(false);
    expect(await outcomeOf(staff.report.save({ ...key, version: submitted.version, values: [] }))).toBe("PRECONDITION_FAILED");
    expect(await outcomeOf(staff.report.approve(key))).toBe("FORBIDDEN");
    expect(await outcomeOf(leader.report.approve(key))).toBe("FORBIDDEN");
    expect(await outcomeOf(reviewerB.report.approve(key))).toBe("FORBIDDEN");
    expect((await reviewerA.report.get(key)).permissions.review).toBe(true);

    expect(await reviewerA.report.approve(key)).toMatchObject({ status: "approved" });
    expect(await outcomeOf(reviewerRoot.report.approve(key))).toBe("PRECONDITION_FAILED"); // already approved
    expect(await outcomeOf(staff.report.save({ ...key, version: (await staff.report.get(key)).version, values: [] }))).toBe(
      "PRECONDITION_FAILED",
    );
    expect(await outcomeOf(reviewerA.report.return({ ...key, reason: "数据有误" }))).toBe("PRECONDITION_FAILED");
  });

  it("does not let a reviewer approve their own unit's report", async () => {
    const unitId = t.tree.branchA.id;
    const adminSaves = await admin.report.save({ unitId, quarter: "2026Q1", version: 0, businessScore: 70, values: requiredValues });
    await admin.report.submit({ unitId, quarter: "2026Q1", version: adminSaves.version });
    expect(await outcomeOf(reviewerA.report.approve({ unitId, quarter: "2026Q1" }))).toBe("FORBIDDEN");
    expect(await outcomeOf(reviewerRoot.report.approve({ unitId, quarter: "2026Q1" }))).toBe("ok");
  });

  it("returns with a reason that staff see, then takes the corrected report back", async () => {
    const key = await completeDraft("2025Q4");
    await staff.report.submit({ ...key, version: (await staff.report.get(key)).version });
    expect(await outcomeOf(reviewerA.report.return({ ...key, reason: " " }))).toBe("BAD_REQUEST");
    expect(await reviewerA.report.return({ ...key, reason: "出勤率与会议记录不符，请核实" })).toMatchObject({ status: "returned" });

    const returned = await staff.report.get(key);
    expect(returned.returnReason).toBe("出勤率与会议记录不符，请核实");
    expect(returned.permissions.edit).toBe(true);
    const todo = await staff.todo.list();
    expect(todo.returned).toContainEqual({ unitId: key.unitId, quarter: "2025Q4", reason: "出勤率与会议记录不符，请核实" });

    const saved = await staff.report.save({
      ...key,
      version: returned.version,
      values: [{ indicatorCode: "V1_attendance_rate", value: 77 }],
    });
    expect(await staff.report.submit({ ...key, version: saved.version })).toMatchObject({ status: "submitted" });
    expect((await staff.report.get(key)).returnReason).toBeNull();
    expect(await reviewerA.report.approve(key)).toMatchObject({ status: "approved" });
  });

  it("lets only an admin reopen an approved report (lock exception), recorded in the audit log", async () => {
    const key = { unitId: t.tree.leafA1.id, quarter: "2025Q4" };
    expect(await outcomeOf(reviewerRoot.report.reopen({ ...key, reason: "需要更正" }))).toBe("FORBIDDEN");
    expect(await admin.report.reopen({ ...key, reason: "巡察发现数据需更正" })).toMatchObject({ status: "returned" });
    const rows = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.unitId, key.unitId), like(auditLog.action, "report.reopen")));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.after).toMatchObject({ status: "returned", reason: "巡察发现数据需更正", lockException: true });
    expect((await staff.report.get(key)).permissions.edit).toBe(true);
  });

  it("audits every transition with who and what", async () => {
    const actions = (await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.unitId, t.tree.leafA1.id))).map(
      (r) => r.action,
    );
    for (const a of ["report.save", "report.submit", "report.approve", "report.return", "report.reopen"]) expect(actions).toContain(a);
  });

  it("refuses a stale version on submit", async () => {
    const key = await completeDraft("2025Q3");
    const { version } = await staff.report.get(key);
    expect(await outcomeOf(staff.report.submit({ ...key, version: version - 1 }))).toBe("CONFLICT");
  });

  it("lets exactly one of a concurrent approve and return win", async () => {
    const key = { unitId: t.tree.leafA1.id, quarter: "2025Q3" };
    await staff.report.submit({ ...key, version: (await staff.report.get(key)).version });
    const results = await Promise.all([
      outcomeOf(reviewerA.report.approve(key)),
      outcomeOf(reviewerRoot.report.return({ ...key, reason: "同时退回" })),
    ]);
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r !== "ok").every((r) => r === "CONFLICT" || r === "PRECONDITION_FAILED")).toBe(true);
  });
});

describe("deadlines and completeness", () => {
  it("marks a submission after the deadline as late, and one before it as on time", async () => {
    // 2025Q2's deadline (15 days after 30 June 2025) has long passed.
    const late = await completeDraft("2025Q2");
    expect(await staff.report.submit({ ...late, version: (await staff.report.get(late)).version })).toMatchObject({ late: true });
    // The running quarter has not even ended, so it is on time whatever the deadline setting.
    await t.db
      .insert(settings)
      .values({ key: "reportDeadlineDays", value: 0 })
      .onConflictDoUpdate({ target: settings.key, set: { value: 0 } });
    const onTime = await completeDraft(running);
    expect(await staff.report.submit({ ...onTime, version: (await staff.report.get(onTime)).version })).toMatchObject({
      late: false,
    });
    expect((await staff.report.get(onTime)).late).toBe(false);
  });

  it("counts each unit's state and the on-time rate for a subtree", async () => {
    // branchA subtree in the running quarter: leafA1 submitted on time; branchA and leafA2 not started.
    const c = await reviewerA.completeness.get({ unitId: t.tree.branchA.id, quarter: running });
    expect(c.summary).toMatchObject({ total: 3, submitted: 1, notStarted: 2, approved: 0, onTime: 1 });
    expect(c.summary.onTimeRate).toBeCloseTo(100 / 3);
    expect(c.units.map((u) => u.id)).toEqual([t.tree.branchA.id, t.tree.leafA1.id, t.tree.leafA2.id]);
    expect(c.units.find((u) => u.id === t.tree.leafA1.id)).toMatchObject({ state: "submitted", late: false, depth: 1 });

    const late = await reviewerA.completeness.get({ unitId: t.tree.branchA.id, quarter: "2025Q2" });
    expect(late.summary).toMatchObject({ late: 1, onTime: 0 });
    expect(await outcomeOf(reviewerB.completeness.get({ unitId: t.tree.branchA.id, quarter: running }))).toBe("FORBIDDEN");
  });

  it("shows reviewers what waits for them and staff what is due", async () => {
    const forA = await reviewerA.todo.list();
    expect(forA.toReview.map((r) => `${r.unitId}/${r.quarter}`)).toEqual(
      expect.arrayContaining([`${t.tree.leafA1.id}/${running}`, `${t.tree.leafA1.id}/2025Q2`]),
    );
    expect(forA.toReviewTotal).toBe(forA.toReview.length);
    const forB = await reviewerB.todo.list();
    expect(forB.toReview).toEqual([]);
    const staffTodo = await staff.todo.list();
    expect(staffTodo.toReview).toEqual([]);
    expect(staffTodo.completeness).toBeNull();
    // No meetings recorded yet: the quarter's required ones are listed; a branch under 7
    // members is not expected to hold 支委会.
    expect(staffTodo.meetingsOutstanding).toContainEqual({ quarter: running, type: "branch_assembly", expected: 1, held: 0 });
    expect(staffTodo.meetingsOutstanding.map((m) => m.type)).not.toContain("committee");
    expect(forA.meetingsOutstanding).toEqual([]); // reviewers do not record meetings
  });
});

describe("下一份待审 after approving", () => {
  it("gives the reviewer the next waiting report of their reach, oldest first, and none when the queue is empty", async () => {
    const queue = await reviewerA.report.nextToReview();
    const todo = await reviewerA.todo.list();
    // leafA1's running-quarter and 2025Q2 reports wait (submitted above).
    expect(todo.toReviewTotal).toBeGreaterThanOrEqual(2);
    expect(queue.remaining).toBe(todo.toReviewTotal);
    expect(queue.next).toMatchObject({ unitId: todo.toReview[0]!.unitId, quarter: todo.toReview[0]!.quarter });
    // Skipping the one on screen gives the one after it.
    const after = await reviewerA.report.nextToReview({ unitId: queue.next!.unitId, quarter: queue.next!.quarter });
    expect(after.remaining).toBe(todo.toReviewTotal - 1);
    expect(after.next).toMatchObject({ unitId: todo.toReview[1]!.unitId, quarter: todo.toReview[1]!.quarter });
    // Another branch's reviewer and data-entry staff get nothing of it.
    expect((await reviewerB.report.nextToReview()).next).toBeNull();
    expect(await staff.report.nextToReview()).toEqual({ next: null, remaining: 0 });
  });
});
