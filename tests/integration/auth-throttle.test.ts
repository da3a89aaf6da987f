import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "~/db/client";
import { migrateDb } from "~/db/migrate";
import { auditLog, loginAttempts, users } from "~/db/schema";
import { attemptSignIn, authorizeCredentials, type SignInResult } from "~/server/auth/authorize";
import { throttlePolicy } from "~/server/auth/throttle-policy";
import type { Actor } from "~/server/scope";
import { callerFor, createActor, createUnit, DEMO_HASH } from "../factories";
import { useTreeDb } from "./test-db";

/** Sign-in throttling (ASVS V6.3.1): per account, per address, no enumeration, durable, audited. */
const t = useTreeDb();
const policy = throttlePolicy({} as unknown as NodeJS.ProcessEnv); // the defaults: 10 / 50 / 200 in 15 minutes
const RIGHT = "demo1234";
const MIN = 60_000;

// One clock for the file that only moves forward (expired rows are pruned by it); each test starts a day later.
let clock = new Date("2026-11-26T01:00:00Z");
const nextDay = () => (clock = new Date(clock.getTime() + 24 * 60 * MIN));
const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));
let ipSeq = 0;
const freshIp = () => `198.51.100.${++ipSeq}`;

const signIn = (db: Db, username: string, password: string, ip: string | null) =>
  attemptSignIn(db, { username, password }, { ip, now: () => clock, policy });
async function failTimes(n: number, username: string, ip: string | null, db: Db = t.db): Promise<SignInResult[]> {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await signIn(db, username, `wrong-${i}`, ip));
  return out;
}
const throttled = (minutes: number) => ({ ok: false, reason: "throttled", retryAfterMinutes: minutes });

let staff: Actor;
beforeAll(async () => {
  staff = await createActor(t.db, "staff", t.tree.leafA1);
});
const newUser = async () => (await createActor(t.db, "staff", t.tree.leafA2)).username;

describe("per account", () => {
  it("the 10th wrong password locks the account: from then on even the right one is told to wait 15 minutes", async () => {
    nextDay();
    const name = await newUser();
    const results = await failTimes(10, name, freshIp());
    expect(results.slice(0, 9).every((r) => !r.ok && r.reason === "bad_credentials")).toBe(true);
    expect(results[9]).toEqual(throttled(15));
    advance(MIN);
    expect(await signIn(t.db, name, RIGHT, freshIp())).toEqual(throttled(14)); // another address does not help
    expect(await signIn(t.db, name.toUpperCase(), RIGHT, freshIp())).toEqual(throttled(14)); // nor another spelling
  });

  it("an unknown account name answers exactly like an existing one, lock included (no enumeration)", async () => {
    nextDay();
    const existing = await failTimes(11, await newUser(), freshIp());
    const unknown = await failTimes(11, `nobody_${randomBytes(3).toString("hex")}`, freshIp());
    expect(unknown).toEqual(existing);
    expect(unknown[10]).toEqual(throttled(15));
  });

  it("a deactivated account answers like a wrong password and counts as a failure", async () => {
    nextDay();
    const name = await newUser();
    await t.db.update(users).set({ active: false }).where(eq(users.username, name));
    const ip = freshIp();
    // The reason differs only for the audit log; what goes back to the caller is the same null.
    expect(await signIn(t.db, name, RIGHT, ip)).toEqual({ ok: false, reason: "inactive" });
    expect(await signIn(t.db, name, "wrong", ip)).toEqual({ ok: false, reason: "bad_credentials" });
    expect(await authorizeCredentials(t.db, { username: name, password: RIGHT }, { ip, now: () => clock, policy })).toBeNull();
    const [bucket] = await t.db
      .select()
      .from(loginAttempts)
      .where(and(eq(loginAttempts.kind, "user"), eq(loginAttempts.key, name)));
    expect(bucket!.failures).toBe(3);
  });

  it("the wait shrinks with time; after the window the right password works again", async () => {
    nextDay();
    const name = await newUser();
    await failTimes(10, name, freshIp());
    advance(7.5 * MIN);
    expect(await signIn(t.db, name, RIGHT, freshIp())).toEqual(throttled(8));
    advance(7.5 * MIN - 1000);
    expect(await signIn(t.db, name, RIGHT, freshIp())).toEqual(throttled(1));
    advance(1000);
    expect(await signIn(t.db, name, RIGHT, freshIp())).toMatchObject({ ok: true });
  });

  it("a successful sign-in clears the account's failures", async () => {
    nextDay();
    const name = await newUser();
    const ip = freshIp();
    await failTimes(9, name, ip);
    expect(await signIn(t.db, name, RIGHT, ip)).toMatchObject({ ok: true });
    const again = await failTimes(9, name, ip);
    expect(again.every((r) => !r.ok && r.reason === "bad_credentials")).toBe(true);
  });

  it("an admin's password reset lifts the lock", async () => {
    nextDay();
    const admin = callerFor(t.db, await createActor(t.db, "admin", t.tree.root));
    const user = await createActor(t.db, "staff", t.tree.leafB1);
    await failTimes(10, user.username, freshIp());
    await admin.user.resetPassword({ id: user.id, password: "fresh-pass-2026" });
    expect(await signIn(t.db, user.username, "fresh-pass-2026", freshIp())).toMatchObject({ ok: true });
  });
});

describe("per address", () => {
  it("50 failures from one address over many names lock the address for every account, and only that address", async () => {
    nextDay();
    const ip = freshIp();
    const results = [];
    for (let i = 0; i < 50; i++) results.push(await signIn(t.db, `spray_${i}`, "Password1", ip));
    expect(results.slice(0, 49).every((r) => !r.ok && r.reason === "bad_credentials")).toBe(true);
    expect(results[49]).toEqual(throttled(15));
    expect(await signIn(t.db, staff.username, RIGHT, ip)).toEqual(throttled(15));
    expect(await signIn(t.db, staff.username, RIGHT, freshIp())).toMatchObject({ ok: true });
  });

  it("signing in to one's own account does not reset the address's count against other accounts", async () => {
    nextDay();
    const ip = freshIp();
    for (let i = 0; i < 45; i++) await signIn(t.db, `spray2_${i}`, "Password1", ip);
    expect(await signIn(t.db, staff.username, RIGHT, ip)).toMatchObject({ ok: true });
    const more = [];
    for (let i = 0; i < 5; i++) more.push(await signIn(t.db, `spray3_${i}`, "Password1", ip));
    expect(more[4]).toEqual(throttled(15));
  });

  // Spec changed (issue 13.7): unknown addresses no longer share one bucket that made-up names could fill.
  it("without a known address, made-up names never lock everyone out: the unknown bucket is per account name", async () => {
    nextDay();
    const small = { ...policy, maxPerUnknownIp: 3 };
    const go = (name: string, password: string) =>
      attemptSignIn(t.db, { username: name, password }, { ip: null, now: () => clock, policy: small });
    for (let i = 0; i < 8; i++) expect(await go(`made_up_${i}`, "x")).toEqual({ ok: false, reason: "bad_credentials" });
    expect(await go(staff.username, RIGHT)).toMatchObject({ ok: true });
    // One name guessed from nowhere known is still held, by its own bucket.
    await go("guessed", "x");
    await go("guessed", "x");
    expect(await go("guessed", "x")).toEqual(throttled(15));
    expect(await go(staff.username, RIGHT)).toMatchObject({ ok: true });
  });
});

describe("under load and across restarts", () => {
  it("20 guesses at once check at most 10 passwords", async () => {
    nextDay();
    const name = await newUser();
    const ip = freshIp();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(t.db, name, `parallel-${i}`, ip)));
    expect(results.filter((r) => !r.ok && r.reason === "bad_credentials").length).toBeLessThanOrEqual(9);
    expect(results.filter((r) => !r.ok && r.reason === "throttled").length).toBeGreaterThanOrEqual(11);
    const checked = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "auth.signInFailed"), inArray(auditLog.entityId, [String((await userId(name))!)])));
    expect(checked.filter((r) => (r.after as { reason: string }).reason === "bad_credentials")).toHaveLength(10);
  });

  it("the lock survives a restart: a new connection to the same PGlite files", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "djzl-throttle-"));
    try {
      await expectLockSurvives(() => openDb({ url: "", pgliteDir: dir }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(!!process.env.TEST_DATABASE_URL)("the lock survives a restart: a new connection to the same PostgreSQL database", async () => {
    const { default: postgres } = await import("postgres");
    const admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
    const name = `djzl_restart_${randomBytes(4).toString("hex")}`;
    await admin.unsafe(`create database ${name}`);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    try {
      await expectLockSurvives(() => openDb({ url: url.toString() }));
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});

async function userId(username: string) {
  const [u] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return u?.id;
}

async function expectLockSurvives(open: () => ReturnType<typeof openDb>) {
  nextDay();
  const first = await open();
  await migrateDb(first);
  const unit = await createUnit(first.db, { name: "重启测试党支部" });
  await first.db
    .insert(users)
    .values({ username: "restart_me", displayName: "重启", passwordHash: DEMO_HASH, role: "staff", unitId: unit.id });
  expect((await failTimes(10, "restart_me", "192.0.2.10", first.db))[9]).toEqual(throttled(15));
  await first.close();

  advance(5 * MIN);
  const second = await open();
  try {
    expect(await signIn(second.db, "restart_me", RIGHT, "192.0.2.11")).toEqual(throttled(10));
  } finally {
    await second.close();
  }
}

describe("audit", () => {
  it("records sign-ins and failures: the name as typed, the address, the reason — never the password", async () => {
    nextDay();
    const ip = freshIp();
    await signIn(t.db, staff.username, RIGHT, ip);
    await signIn(t.db, staff.username, "S3cret-typo!", ip);
    await signIn(t.db, "ghost_user", "S3cret-typo!", ip);
    const rows = (
      await t.db
        .select()
        .from(auditLog)
        .where(inArray(auditLog.action, ["auth.signIn", "auth.signInFailed"]))
    ).filter((r) => (r.after as { ip?: string }).ip === ip);
    expect(rows.map((r) => [r.action, r.actorId, r.unitId, r.after])).toEqual([
      ["auth.signIn", staff.id, staff.unitId, { username: staff.username, ip }],
      ["auth.signInFailed", staff.id, staff.unitId, { username: staff.username, ip, reason: "bad_credentials" }],
      ["auth.signInFailed", null, null, { username: "ghost_user", ip, reason: "bad_credentials" }],
    ]);
    expect(JSON.stringify(rows)).not.toContain("S3cret");
    expect(JSON.stringify(rows)).not.toContain(RIGHT);
  });

  it("refusals during a lock are audited at the 1st and the 10th, not each one", async () => {
    nextDay();
    const name = await newUser();
    const ip = freshIp();
    await failTimes(10, name, ip);
    for (let i = 0; i < 12; i++) await signIn(t.db, name, RIGHT, ip);
    const rows = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "auth.signInFailed"), eq(auditLog.entityId, String(await userId(name)))))
      .orderBy(auditLog.id);
    const reasons = rows.map((r) => r.after as { reason: string; lockedUntil?: string; refusedDuringLock?: number });
    expect(reasons.filter((r) => r.reason === "bad_credentials")).toHaveLength(10);
    expect(reasons[9]!.lockedUntil).toBe(new Date(clock.getTime() + 15 * MIN).toISOString());
    expect(reasons.filter((r) => r.reason === "throttled").map((r) => r.refusedDuringLock)).toEqual([1, 10]);
  });
});
