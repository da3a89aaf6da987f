import { beforeAll, describe, expect, it } from "vitest";
import { cases, meetings, rectificationItems, reviewMeetings } from "~/db/schema";
import { quarterOf } from "~/lib/quarter";
import { callerFor, createActor } from "../factories";
import { useTreeDb } from "./test-db";

// What waits for reviewers and leaders: overdue rectifications, open cases, new flags, review meetings.
const t = useTreeDb();
const running = quarterOf(new Date());
const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
type Caller = ReturnType<typeof callerFor>;
let reviewerA: Caller, reviewerB: Caller, leaderA: Caller, leaderRoot: Caller, staffA1: Caller;

const newCase = async (unitId: number, status: "opened" | "rectifying" | "closed") =>
  (
    await t.db
      .insert(cases)
      .values({
        unitId,
        subject: "organisation",
        category: "inner_life",
        rootCause: "misperception",
        form: "notice",
        facts: "组织生活流于形式",
        quarter: running,
        status,
      })
      .returning()
  )[0]!;

beforeAll(async () => {
  const { db, tree } = t;
  reviewerA = callerFor(db, await createActor(db, "reviewer", tree.branchA));
  reviewerB = callerFor(db, await createActor(db, "reviewer", tree.branchB));
  leaderA = callerFor(db, await createActor(db, "leader", tree.branchA));
  leaderRoot = callerFor(db, await createActor(db, "leader", tree.root));
  staffA1 = callerFor(db, await createActor(db, "staff", tree.leafA1));

  const open = await newCase(tree.leafA1.id, "rectifying");
  const closed = await newCase(tree.leafA2.id, "closed");
  await newCase(tree.leafA2.id, "opened");
  await newCase(tree.leafB1.id, "opened");
  await db.insert(rectificationItems).values([
    { caseId: open.id, description: "补开组织生活会", owner: "支部书记", deadline: "2025-01-31" },
    { caseId: open.id, description: "整改会议记录", owner: "组织委员", deadline: "2025-02-28" },
    { caseId: open.id, description: "已完成的整改", owner: "组织委员", deadline: "2025-01-15", doneAt: new Date() },
    { caseId: open.id, description: "尚未到期的整改", owner: "组织委员", deadline: "2999-12-31" },
    { caseId: closed.id, description: "已销号案件的事项", owner: "书记", deadline: "2025-01-15" },
  ]);
  // A 组织生活会 with no criticism this quarter: a formalism flag in branchA's subtree.
  await db.insert(meetings).values({
    unitId: tree.leafA1.id,
    quarter: running,
    type: "org_life",
    date: today,
    expected: 10,
    present: 9,
    topic: "组织生活会",
    solicitedOpinions: true,
    criticalOpinions: 0,
    rectificationItems: 0,
    minutes: "会议按程序进行。",
    qualityScore: 60,
  });
  await db.insert(reviewMeetings).values([
    { unitId: tree.branchA.id, quarter: running, title: "A局问责审议会" },
    { unitId: tree.branchB.id, quarter: running, title: "B局问责审议会" },
    { unitId: tree.branchA.id, quarter: running, title: "已闭会的审议会", status: "closed" },
  ]);
});

describe("todo.list for reviewers and leaders", () => {
  it("a reviewer sees overdue rectifications, open cases awaiting them, new flags and review meetings of their subtree", async () => {
    const o = (await reviewerA.todo.list()).oversight!;
    expect(o.overdueRectifications).toMatchObject({ items: 2, cases: 1 });
    expect(o.overdueRectifications.rows.map((r) => r.description)).toEqual(["补开组织生活会", "整改会议记录"]);
    expect(o.cases).toMatchObject({ total: 2, byStatus: { opened: 1, rectifying: 1 } });
    expect(o.flags).toMatchObject({ count: 1, units: 1, to: running });
    expect(o.reviewMeetings.map((m) => m.title)).toEqual(["A局问责审议会"]);
    expect(o.reviewMeetingsTotal).toBe(1);
  });

  it("another branch's reviewer sees only their own", async () => {
    const o = (await reviewerB.todo.list()).oversight!;
    expect(o.overdueRectifications.items).toBe(0);
    expect(o.cases!.total).toBe(1);
    expect(o.flags.count).toBe(0);
    expect(o.reviewMeetings.map((m) => m.title)).toEqual(["B局问责审议会"]);
  });

  it("leaders see rectifications, flags and meetings but no cases to move; staff get none of it", async () => {
    const a = (await leaderA.todo.list()).oversight!;
    expect(a.cases).toBeNull();
    expect(a.overdueRectifications.items).toBe(2);
    const root = (await leaderRoot.todo.list()).oversight!;
    expect(root.reviewMeetingsTotal).toBe(2);
    expect((await staffA1.todo.list()).oversight).toBeNull();
  });
});
