import type { Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { baseAuthConfig } from "~/server/auth/auth-config";
import { attemptSignIn } from "~/server/auth/authorize";
import { and, eq } from "drizzle-orm";
import { auditLog } from "~/db/schema";
import { actorOfSession } from "~/server/auth/session-actor";
import { endSignedOutSession } from "~/server/auth/sessions";
import { signOutEverywhere } from "~/server/auth/sign-out-everywhere";
import { sessionPolicy, sessionVerdict } from "~/server/auth/session-policy";
import type { Actor } from "~/server/scope";
import { callerFor, createActor } from "../factories";
import { useTreeDb } from "./test-db";

/** Session limits (ASVS V7.3: idle and absolute timeouts) and ending sessions on the server's word. */
const t = useTreeDb();
const MIN = 60_000;
const HOUR = 60 * MIN;
const policy = sessionPolicy({} as unknown as NodeJS.ProcessEnv);
const T0 = Date.UTC(2026, 10, 26, 1, 0, 0);

describe("idle and absolute limits (pure, injected clock)", () => {
  it("default to 30 minutes idle and 12 hours in all, and follow the environment", () => {
    expect(policy).toEqual({ idleMs: 30 * MIN, maxMs: 12 * HOUR });
    expect(sessionPolicy({ SESSION_IDLE_MINUTES: "5", SESSION_MAX_HOURS: "1.5" } as unknown as NodeJS.ProcessEnv)).toEqual({
      idleMs: 5 * MIN,
      maxMs: 1.5 * HOUR,
    });
    expect(() => sessionPolicy({ SESSION_IDLE_MINUTES: "-1" } as unknown as NodeJS.ProcessEnv)).toThrow(/SESSION_IDLE_MINUTES/);
  });

  it("a session idle for 30 minutes is over; one used within them goes on", () => {
    const times = { authTime: T0, lastSeen: T0 };
    expect(sessionVerdict(times, T0 + 29 * MIN, policy)).toBe("active");
    expect(sessionVerdict(times, T0 + 30 * MIN, policy)).toBe("idle");
  });

  it("a session in use all day still ends 12 hours after signing in", () => {
    expect(sessionVerdict({ authTime: T0, lastSeen: T0 + 12 * HOUR - MIN }, T0 + 12 * HOUR - 1, policy)).toBe("active");
    expect(sessionVerdict({ authTime: T0, lastSeen: T0 + 12 * HOUR - MIN }, T0 + 12 * HOUR, policy)).toBe("expired");
  });

  it("a token without its times, or signed in the future, is no session", () => {
    expect(sessionVerdict({ authTime: undefined, lastSeen: T0 }, T0, policy)).toBe("expired");
    expect(sessionVerdict({ authTime: "0", lastSeen: T0 }, T0, policy)).toBe("expired");
    expect(sessionVerdict({ authTime: T0 + HOUR, lastSeen: T0 }, T0, policy)).toBe("expired");
  });
});

describe("the session token (next-auth callbacks)", () => {
  const { jwt, session } = baseAuthConfig().callbacks!;
  afterEach(() => {
    vi.useRealTimers();
  });
  const at = (ms: number) => vi.setSystemTime(new Date(ms));
  const signedIn = () =>
    jwt!({ token: {}, user: { id: "7", name: "x", sessionId: "s-0123456789abcdef" } as never, account: null }) as Promise<JWT | null>;
  const refresh = (token: JWT) => jwt!({ token, user: undefined as never, account: null }) as Promise<JWT | null>;

  it("carries the user, the session row's id and the sign-in time; each request moves lastSeen", async () => {
    vi.useFakeTimers();
    at(T0);
    const token = (await signedIn())!;
    expect(token).toMatchObject({ uid: "7", sid: "s-0123456789abcdef", authTime: T0, lastSeen: T0 });
    at(T0 + 20 * MIN);
    const later = (await refresh(token))!;
    expect(later).toMatchObject({ authTime: T0, lastSeen: T0 + 20 * MIN });
    // 40 minutes after signing in but only 20 after the last request: still on.
    at(T0 + 40 * MIN);
    expect(await refresh(later)).not.toBeNull();
  });

  it("ends the session (null: next-auth clears the cookie) after 30 idle minutes or 12 hours", async () => {
    vi.useFakeTimers();
    at(T0);
    let token = (await signedIn())!;
    at(T0 + 30 * MIN);
    expect(await refresh(token)).toBeNull();
    at(T0);
    token = (await signedIn())!;
    for (let m = 25; m < 12 * 60; m += 25) {
      at(T0 + m * MIN);
      token = (await refresh(token))!;
      expect(token).not.toBeNull();
    }
    at(T0 + 12 * HOUR);
    expect(await refresh(token)).toBeNull();
  });

  it("hands the user id and session row's id on to the session", async () => {
    const s = (await session!({
      session: { user: {}, expires: "" } as never,
      token: { uid: "7", sid: "s-0123456789abcdef" },
    } as never)) as Session & { sessionId: string };
    expect(s.user!.id).toBe("7");
    expect(s.sessionId).toBe("s-0123456789abcdef");
  });
});

describe("the server ends sessions on its own word", () => {
  let admin: ReturnType<typeof callerFor>;
  beforeAll(async () => {
    admin = callerFor(t.db, await createActor(t.db, "admin", t.tree.root));
  });

  /** Signs in as the app does and returns the session the browser would carry. */
  async function sessionOf(username: string, password = "demo1234"): Promise<Session> {
    const { jwt, session } = baseAuthConfig().callbacks!;
    const result = await attemptSignIn(t.db, { username, password }, { ip: "192.0.2.50" });
    if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
    const token = await jwt!({ token: {}, user: result.user, account: null });
    return await session!({ session: { user: {}, expires: "" }, token } as never);
  }

  it("a password reset ends the sessions signed in before it; signing in with the new password works", async () => {
    const user = await createActor(t.db, "staff", t.tree.leafA1);
    const before = await sessionOf(user.username);
    expect(await actorOfSession(t.db, before)).toMatchObject({ id: user.id });
    await admin.user.resetPassword({ id: user.id, password: "after-reset-1" });
    expect(await actorOfSession(t.db, before)).toBeNull();
    const after = await sessionOf(user.username, "after-reset-1");
    expect(await actorOfSession(t.db, after)).toMatchObject({ id: user.id });
    // A second reset ends that one too.
    await admin.user.resetPassword({ id: user.id, password: "after-reset-2" });
    expect(await actorOfSession(t.db, after)).toBeNull();
  });

  // Spec changed (issue 13): deactivation ends the sessions for good; reactivation used to revive them.
  it("deactivation ends the sessions; reactivation does not revive them, a new sign-in works", async () => {
    const user = await createActor(t.db, "staff", t.tree.leafA2);
    const s = await sessionOf(user.username);
    await admin.user.setActive({ id: user.id, active: false });
    expect(await actorOfSession(t.db, s)).toBeNull();
    await admin.user.setActive({ id: user.id, active: true });
    expect(await actorOfSession(t.db, s)).toBeNull();
    expect(await actorOfSession(t.db, await sessionOf(user.username))).toMatchObject({ id: user.id });
  });

  it("signing out ends that session only: its replayed cookie is no session, the user's other one goes on", async () => {
    const user = await createActor(t.db, "staff", t.tree.leafA1);
    const here = await sessionOf(user.username);
    const there = await sessionOf(user.username);
    const token = { uid: here.user!.id, sid: (here as Session & { sessionId: string }).sessionId };
    await endSignedOutSession(t.db, token);
    expect(await actorOfSession(t.db, here)).toBeNull();
    expect(await actorOfSession(t.db, there)).toMatchObject({ id: user.id });
    // through the API as well: the replayed cookie's caller is anonymous
    await expect(callerFor(t.db, await actorOfSession(t.db, here)).me.get()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const outs = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "auth.signOut"), eq(auditLog.actorId, user.id)));
    expect(outs).toHaveLength(1);
    // signing out again with the same token ends nothing and writes no second row
    await endSignedOutSession(t.db, token);
    expect(
      await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "auth.signOut"), eq(auditLog.actorId, user.id))),
    ).toHaveLength(1);
  });

  it("sign out everywhere ends every session of the user, and only theirs", async () => {
    const user = await createActor(t.db, "staff", t.tree.leafA1);
    const other = await createActor(t.db, "staff", t.tree.leafA2);
    const a = await sessionOf(user.username);
    const b = await sessionOf(user.username);
    const theirs = await sessionOf(other.username);
    expect(await signOutEverywhere(t.db, user)).toEqual({ sessionsEnded: 2 });
    expect(await actorOfSession(t.db, a)).toBeNull();
    expect(await actorOfSession(t.db, b)).toBeNull();
    expect(await actorOfSession(t.db, theirs)).toMatchObject({ id: other.id });
    const [row] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "auth.signOutEverywhere"), eq(auditLog.actorId, user.id)));
    expect(row?.after).toEqual({ sessionsEnded: 2 });
  });

  it("a token without a session row, or naming another user's row, is no session", async () => {
    const user = await createActor(t.db, "staff", t.tree.leafA1);
    const other = await createActor(t.db, "staff", t.tree.leafA2);
    const s = (await sessionOf(user.username)) as Session & { sessionId: string };
    expect(await actorOfSession(t.db, { ...s, sessionId: null } as Session)).toBeNull();
    expect(await actorOfSession(t.db, { ...s, user: { id: String(other.id) } })).toBeNull();
  });

  it("a new role or unit applies to the open session's next request, and scope follows it", async () => {
    const user: Actor = await createActor(t.db, "staff", t.tree.leafA1);
    const s = await sessionOf(user.username);
    const read = async () => callerFor(t.db, await actorOfSession(t.db, s)).report.get({ unitId: t.tree.leafB1.id, quarter: "2026Q3" });
    await expect(read()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await admin.user.update({ id: user.id, role: "leader", unitId: t.tree.branchB.id });
    expect(await actorOfSession(t.db, s)).toMatchObject({ role: "leader", unitId: t.tree.branchB.id });
    await expect(read()).resolves.toMatchObject({ unitId: t.tree.leafB1.id });
  });

  it("no session, or one naming no valid user, is no actor", async () => {
    expect(await actorOfSession(t.db, null)).toBeNull();
    expect(await actorOfSession(t.db, { user: { id: "abc" }, expires: "" })).toBeNull();
    expect(await actorOfSession(t.db, { user: { id: "999999" }, expires: "" })).toBeNull();
  });
});
