import { and, eq, gt, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "~/db/client";
import { auditLog } from "~/db/schema";
import { starterIndicators } from "~/scripts/seed/catalogue";
import { callerFor, createActor } from "../factories";
import { useTreeDb } from "./test-db";
import { outcomeOf } from "./trpc-expect";

// Issue #7 item 4 (OWASP ASVS 2.3.3–2.3.4): concurrent writes of one report never lose an
// update. On PGlite the calls are serialised by its single connection, which still tests the
// version logic; on PostgreSQL the pool (DB_POOL_SIZE, default 10) runs them truly at once.
const t = useTreeDb();
type Caller = ReturnType<typeof callerFor>;
let staff: Caller; // at leafA1
let reviewerA: Caller; // at branchA
let reviewerRoot: Caller; // at root
let unitId: number;

const requiredValues = starterIndicators
  .filter((i) => i.required && i.source !== "meetings")
  .map((i) => ({ indicatorCode: i.code, value: i.kind === "boolean" ? 1 : i.target }));

/** Save number `i`: distinct values, business score and note, so the stored row names its writer. */
const saveNo = (i: number) => ({
  businessScore: 10 + i,
  note: `第${i}次保存`,
  values: [
    ...requiredValues.filter((v) => v.indicatorCode !== "V1_attendance_rate"),
    { indicatorCode: "V1_attendance_rate", value: 40 + i },
  ],
});

const valueOf = (r: { values: { indicatorCode: string; value: number }[] }, code: string) =>
  r.values.find((v) => v.indicatorCode === code)?.value;

/** Audit rows of `action` for leafA1 written after `sinceId`. */
const auditSince = (action: string, sinceId: number) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.unitId, unitId), eq(auditLog.action, action), gt(auditLog.id, sinceId)));

async function lastAuditId(): Promise<number> {
  const [row] = await queryRows<{ id: string | number | null }>(t.db, sql`select max(id) as id from audit_log`);
  return Number(row?.id ?? 0);
}

/** A short random pause, so the rounds below start their calls in different interleavings. */
const jitter = () => new Promise((r) => setTimeout(r, Math.floor(Math.random() * 4)));

beforeAll(async () => {
  unitId = t.tree.leafA1.id;
  staff = callerFor(t.db, await createActor(t.db, "staff", t.tree.leafA1));
  reviewerA = callerFor(t.db, await createActor(t.db, "reviewer", t.tree.branchA));
  reviewerRoot = callerFor(t.db, await createActor(t.db, "reviewer", t.tree.root));
});

describe("50 concurrent saves of one report with the same version", () => {
  async function race(quarter: string, version: number) {
    const since = await lastAuditId();
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) => outcomeOf(staff.report.save({ unitId, quarter, version, ...saveNo(i) }))),
    );
    const winners = outcomes.flatMap((o, i) => (o === "ok" ? [i] : []));
    return { outcomes, winners, since };
  }

  async function expectWinnerStored(quarter: string, winner: number, version: number) {
    const stored = await staff.report.get({ unitId, quarter });
    expect(stored.version).toBe(version);
    expect(stored.businessScore).toBe(saveNo(winner).businessScore);
    expect(stored.note).toBe(saveNo(winner).note);
    expect(valueOf(stored, "V1_attendance_rate")).toBe(40 + winner);
  }

  it("of an existing report: exactly one wins, 49 get CONFLICT, the stored values are the winner's, one audit row", async () => {
    const quarter = "2026Q1";
    await staff.report.save({ unitId, quarter, version: 0, businessScore: 1, values: [{ indicatorCode: "V1_attendance_rate", value: 1 }] });
    const { outcomes, winners, since } = await race(quarter, 1);

    expect(winners).toHaveLength(1);
    expect(outcomes.filter((o) => o === "CONFLICT")).toHaveLength(49);
    await expectWinnerStored(quarter, winners[0]!, 2);
    const audits = await auditSince("report.save", since);
    expect(audits).toHaveLength(1);
    expect(audits[0]!.before).toMatchObject({ version: 1, businessScore: 1 });
    expect(audits[0]!.after).toMatchObject({
      version: 2,
      businessScore: saveNo(winners[0]!).businessScore,
      note: saveNo(winners[0]!).note,
    });

    if (process.env.TEST_DATABASE_URL) {
      // The pool really ran them side by side: it opened more than one connection.
      const [row] = await queryRows<{ n: number }>(
        t.db,
        sql`select count(*)::int as n from pg_stat_activity where datname = current_database()`,
      );
      expect(row!.n).toBeGreaterThan(1);
    }
  });

  it("of a report not created yet (version 0): one insert wins, the others get CONFLICT", async () => {
    const quarter = "2026Q2";
    const { outcomes, winners, since } = await race(quarter, 0);

    expect(winners).toHaveLength(1);
    expect(outcomes.filter((o) => o === "CONFLICT")).toHaveLength(49);
    await expectWinnerStored(quarter, winners[0]!, 1);
    expect(await auditSince("report.save", since)).toHaveLength(1);
  });
});

describe("approve racing an edit of the same report", () => {
  // Reviewer A approves the version on screen, while reviewer Root returns it and staff at
  // once edit and resubmit (a stale save of staff joins in as well). Whatever the order, the
  // report is either approved with the values reviewer A saw, or the edit went through and
  // the approval was refused — never approved with values nobody reviewed.
  const rounds = ["2024Q1", "2024Q2", "2024Q3", "2024Q4", "2025Q1", "2025Q2", "2025Q3", "2025Q4"];

  it.each(rounds.map((quarter, n) => ({ quarter, approveFirst: n % 2 === 0 })))(
    "$quarter (approval started first: $approveFirst): one consistent outcome",
    async ({ quarter, approveFirst }) => {
      const key = { unitId, quarter };
      const seen = saveNo(1);
      await staff.report.save({ ...key, version: 0, ...seen });
      const { version: submittedAt } = await staff.report.submit({ ...key, version: 1 });
      const since = await lastAuditId();
      const edited = saveNo(2);

      const approve = async () => {
        await jitter();
        return outcomeOf(reviewerA.report.approve({ ...key, version: submittedAt }));
      };
      const editChain = async () => {
        await jitter();
        const returned = await outcomeOf(reviewerRoot.report.return({ ...key, version: submittedAt, reason: "请补充说明" }));
        if (returned !== "ok") return [returned];
        const saved = await outcomeOf(staff.report.save({ ...key, version: submittedAt + 1, ...edited }));
        if (saved !== "ok") return [returned, saved];
        return [returned, saved, await outcomeOf(staff.report.submit({ ...key, version: submittedAt + 2 }))];
      };
      const staleSave = async () => {
        await jitter();
        return outcomeOf(staff.report.save({ ...key, version: submittedAt, ...saveNo(3) }));
      };
      const [approved, chain, stale] = approveFirst
        ? await Promise.all([approve(), editChain(), staleSave()])
        : await Promise.all([editChain(), approve(), staleSave()]).then(([c, a, s]) => [a, c, s] as const);

      const stored = await staff.report.get(key);
      // A save of a submitted report, or with a version already gone, never gets through.
      expect(["PRECONDITION_FAILED", "CONFLICT"]).toContain(stale);
      expect(valueOf(stored, "V1_attendance_rate")).not.toBe(40 + 3);
      if (approved === "ok") {
        expect(chain).toHaveLength(1);
        expect(["PRECONDITION_FAILED", "CONFLICT"]).toContain(chain[0]);
        expect(stored).toMatchObject({ status: "approved", version: submittedAt + 1, businessScore: seen.businessScore });
        expect(valueOf(stored, "V1_attendance_rate")).toBe(40 + 1);
        expect(await auditSince("report.return", since)).toHaveLength(0);
        expect(await auditSince("report.approve", since)).toHaveLength(1);
      } else {
        expect(["PRECONDITION_FAILED", "CONFLICT"]).toContain(approved);
        expect(chain).toEqual(["ok", "ok", "ok"]);
        expect(stored).toMatchObject({ status: "submitted", version: submittedAt + 3, businessScore: edited.businessScore });
        expect(valueOf(stored, "V1_attendance_rate")).toBe(40 + 2);
        expect(await auditSince("report.approve", since)).toHaveLength(0);
        expect(await auditSince("report.return", since)).toHaveLength(1);
      }
      expect(await auditSince("report.save", since)).toHaveLength(approved === "ok" ? 0 : 1);
    },
  );
});

describe("two reviewers deciding at once", () => {
  const rounds = ["2023Q1", "2023Q2", "2023Q3"];

  it.each(rounds.map((quarter, n) => ({ quarter, approveFirst: n % 2 === 0 })))(
    "$quarter: approve and return race, exactly one decision lands (approval started first: $approveFirst)",
    async ({ quarter, approveFirst }) => {
      const key = { unitId, quarter };
      await staff.report.save({ ...key, version: 0, ...saveNo(1) });
      await staff.report.submit({ ...key, version: 1 });
      const since = await lastAuditId();
      const approve = () => jitter().then(() => outcomeOf(reviewerA.report.approve({ ...key, version: 2 })));
      const giveBack = () => jitter().then(() => outcomeOf(reviewerRoot.report.return({ ...key, version: 2, reason: "同时退回" })));
      const [a, r] = approveFirst
        ? await Promise.all([approve(), giveBack()])
        : await Promise.all([giveBack(), approve()]).then(([x, y]) => [y, x]);

      expect([a, r].filter((o) => o === "ok")).toHaveLength(1);
      expect(["PRECONDITION_FAILED", "CONFLICT"]).toContain(a === "ok" ? r : a);
      const stored = await staff.report.get(key);
      expect(stored).toMatchObject({ status: a === "ok" ? "approved" : "returned", version: 3 });
      expect(stored.returnReason).toBe(a === "ok" ? null : "同时退回");
      const decisions = [...(await auditSince("report.approve", since)), ...(await auditSince("report.return", since))];
      expect(decisions.map((d) => d.action)).toEqual([a === "ok" ? "report.approve" : "report.return"]);
    },
  );

  it("two reviewers approving at once: one approval, one refusal, one audit row", async () => {
    const key = { unitId, quarter: "2022Q4" };
    await staff.report.save({ ...key, version: 0, ...saveNo(1) });
    await staff.report.submit({ ...key, version: 1 });
    const since = await lastAuditId();
    const results = await Promise.all([outcomeOf(reviewerA.report.approve(key)), outcomeOf(reviewerRoot.report.approve(key))]);
    expect(results.filter((o) => o === "ok")).toHaveLength(1);
    expect(["PRECONDITION_FAILED", "CONFLICT"]).toContain(results.find((o) => o !== "ok"));
    expect(await staff.report.get(key)).toMatchObject({ status: "approved", version: 3 });
    expect(await auditSince("report.approve", since)).toHaveLength(1);
  });
});
