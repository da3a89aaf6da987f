import { encode } from "next-auth/jwt";
import { sql } from "drizzle-orm";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { queryRows, type Db } from "~/db/client";
import { snapshotSql } from "~/db/snapshot";
import { contextOfRequest } from "~/server/api/context";
import { createCaller } from "~/server/api/root";
import { DEV_AUTH_SECRET } from "~/server/auth/secret";
import { sessionPolicy } from "~/server/auth/session-policy";
import { openSession } from "~/server/auth/sessions";
import { forgetSnapshotMemo, rememberedBySnapshot } from "~/server/lib/snapshot-memo";
import type { Actor } from "~/server/scope";
import { createActor } from "../factories";
import { callersOn, useTreeDb, type Caller } from "./test-db";

/**
 * Dashboard answers remembered per database snapshot (server/lib/snapshot-memo.ts, issue 16):
 * the same answer while nothing has committed, a fresh one after any commit — a case opened, a
 * report approved — and nothing remembered when a commit lands while an answer is computed.
 */
const t = useTreeDb();
let leader: Actor;
let cookie: string;
let reviewerA: Caller;

beforeAll(async () => {
  // The app's shared connection (db/client.ts getDb) is this test's database.
  (globalThis as { __djzlDb?: unknown }).__djzlDb = Promise.resolve({ db: t.db, driver: "pglite", close: async () => {} });
  await t.db.execute(sql`create table memo_probe (n int)`);
  ({ reviewerA } = await callersOn(t, { reviewerA: ["reviewer", "branchA"] }));
  leader = await createActor(t.db, "leader", t.tree.branchA);
  const sessionId = await openSession(t.db, leader.id, new Date(), sessionPolicy().maxMs);
  const now = Date.now();
  cookie = await encode({
    token: { uid: String(leader.id), sid: sessionId, authTime: now, lastSeen: now },
    secret: DEV_AUTH_SECRET,
    salt: "authjs.session-token",
  });
});
beforeEach(() => forgetSnapshotMemo());
afterEach(() => vi.useRealTimers());

/** A request's context as the API builds it (the session statement reads the snapshot), against the test database. */
const requestContext = () =>
  contextOfRequest({
    cookies: {
      get: (name) => (name === "authjs.session-token" ? { name, value: cookie } : undefined),
      getAll: () => [{ name: "authjs.session-token", value: cookie }],
    },
    header: () => null,
  });

/** The snapshot the test database shows now. */
const snapshotNow = async (db: Db) => (await queryRows<{ s: string }>(db, sql`select ${snapshotSql()} as s`))[0]!.s;

/** A commit that changes nothing the dashboards read. */
const someCommit = (db: Db) => db.execute(sql`insert into memo_probe values (1)`);

/**
 * Runs `attempt` until no commit lands anywhere on the database server while it runs, then
 * runs the checks it returned. On PostgreSQL the snapshot is the whole server's: other test
 * files' databases (and autovacuum's ANALYZE) commit at any moment, and then — rightly —
 * nothing is remembered. A remembered answer is only promised for a quiet stretch, so that is
 * what these checks test; PGlite is always quiet.
 */
async function inQuietStretch(attempt: () => Promise<() => void | Promise<void>>): Promise<void> {
  for (let tries = 0; tries < 50; tries++) {
    forgetSnapshotMemo();
    const before = await snapshotNow(t.db);
    const check = await attempt();
    if ((await snapshotNow(t.db)) === before) return check();
    await new Promise((resolve) => setTimeout(resolve, 50 * tries));
  }
  throw new Error("the database server never stayed without a commit for one attempt (50 tries)");
}

describe("answers remembered per database snapshot", () => {
  it("the session statement reads the snapshot; the same snapshot gives the remembered answer, any commit a fresh one", async () => {
    let ctx = { db: t.db, actor: leader, snapshot: "" };
    let computed = 0;
    const compute = async () => ({ n: ++computed });
    await inQuietStretch(async () => {
      ctx = { ...ctx, snapshot: await snapshotNow(t.db) };
      computed = 0;
      const first = await rememberedBySnapshot(ctx, "probe", { a: 1 }, compute);
      const again = await rememberedBySnapshot(ctx, "probe", { a: 1 }, compute);
      const computedOnce = computed;
      // Another input, another actor: their own answers.
      await rememberedBySnapshot(ctx, "probe", { a: 2 }, compute);
      await rememberedBySnapshot({ ...ctx, actor: { ...leader, id: leader.id + 1000 } }, "probe", { a: 1 }, compute);
      return () => {
        expect(again).toBe(first);
        expect(computedOnce).toBe(1);
        expect(computed).toBe(3);
      };
    });

    await someCommit(t.db);
    const after = { ...ctx, snapshot: await snapshotNow(t.db) };
    expect(after.snapshot).not.toBe(ctx.snapshot);
    expect(await rememberedBySnapshot(after, "probe", { a: 1 }, compute)).toEqual({ n: 4 });
  });

  it("an answer during which something committed is not remembered", async () => {
    const ctx = { db: t.db, actor: leader, snapshot: await snapshotNow(t.db) };
    let computed = 0;
    const compute = async () => {
      computed++;
      await someCommit(t.db); // a writer's commit while the answer is read
      return { n: computed };
    };
    await rememberedBySnapshot(ctx, "probe", {}, compute);
    await rememberedBySnapshot(ctx, "probe", {}, compute);
    expect(computed).toBe(2);
  });

  it("without a snapshot (server-side page calls, a replica) nothing is remembered", async () => {
    let computed = 0;
    const compute = async () => ++computed;
    for (const snapshot of [null, undefined]) {
      await rememberedBySnapshot({ db: t.db, actor: leader, snapshot }, "probe", {}, compute);
      await rememberedBySnapshot({ db: t.db, actor: leader, snapshot }, "probe", {}, compute);
    }
    expect(computed).toBe(4);
  });

  it("dashboard.overview through the request context: remembered until a case is opened, then the new count", async () => {
    const input = { unitId: t.tree.branchA.id, from: "2026Q1", to: "2026Q3" };
    let first: Awaited<ReturnType<ReturnType<typeof createCaller>["dashboard"]["overview"]>> | undefined;
    await inQuietStretch(async () => {
      const ctx = await requestContext();
      const snapshot = await snapshotNow(t.db);
      first = await createCaller(ctx).dashboard.overview(input);
      const again = await createCaller(await requestContext()).dashboard.overview(input);
      return () => {
        expect(ctx.actor?.id).toBe(leader.id);
        expect(ctx.snapshot).toBe(snapshot);
        expect(again).toBe(first); // the very object: not computed again
      };
    });

    await reviewerA.case.create({
      unitId: t.tree.leafA1.id,
      subject: "secretary",
      category: "leadership",
      rootCause: "misperception",
      form: "admonition",
      facts: "全年未专题研究党建工作，党建述职流于形式。",
    });
    const fresh = await createCaller(await requestContext()).dashboard.overview(input);
    expect(fresh).not.toBe(first);
    expect(fresh.cases.open).toBe(first!.cases.open + 1);
  });

  it("a new day in Beijing gives a fresh answer though nothing committed: a reporting deadline passed at midnight", async () => {
    const input = { unitId: t.tree.branchA.id, quarter: "2026Q1" };
    const deadline = (await createCaller(await requestContext()).dashboard.completeness(input)).deadline;
    const hour = 3600 * 1000;
    await inQuietStretch(async () => {
      const ctx = await requestContext(); // the session checked now; the answers below read the clock they are given
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(deadline.getTime() - hour); // 23:00 in Beijing, the evening of the last day
      const evening = await createCaller(ctx).dashboard.completeness(input);
      vi.setSystemTime(deadline.getTime() + hour); // 01:00, the deadline passed, the same snapshot
      const night = await createCaller(ctx).dashboard.completeness(input);
      vi.useRealTimers();
      return () => {
        expect(evening.overdue).toBe(0);
        expect(night.overdue).toBe(evening.total - evening.approved - evening.submitted);
        expect(night.overdue).toBeGreaterThan(0);
      };
    });
  });
});
