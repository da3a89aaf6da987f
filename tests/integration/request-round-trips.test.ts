import { encode } from "next-auth/jwt";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "~/db/client";
import { DEV_AUTH_SECRET } from "~/server/auth/secret";
import { loadActor } from "~/server/auth/load-actor";
import { sessionPolicy } from "~/server/auth/session-policy";
import { endSession, openSession } from "~/server/auth/sessions";
import { readSession } from "~/server/auth/session-token";
import { callerFor, createActor } from "../factories";
import { useTreeDb } from "./test-db";

/**
 * Issue 16, “per request”: a signed-in call decodes its cookie once and reads the actor, the
 * session row's check and the unit's path (the scope inputs) in ONE database round trip; the
 * overview's reads take two more (the unit and its scope check, then everything else at once).
 * Counted with a wrapper around the driver's client: every statement sent is one round trip.
 */
const t = useTreeDb();

/** Counts the statements the driver sends while `fn` runs (PGlite `query`/`exec`, postgres.js `unsafe`). */
async function roundTrips<T>(db: Db, fn: () => Promise<T>): Promise<{ result: T; trips: number; statements: string[] }> {
  const client = (db as unknown as { $client: Record<string, (...args: unknown[]) => unknown> }).$client;
  const methods = ["query", "exec", "unsafe"].filter((m) => typeof client[m] === "function");
  const statements: string[] = [];
  // Replaced by hand, not vi.spyOn: postgres.js's client is a function object, which spyOn refuses.
  const originals = new Map(methods.map((m) => [m, client[m]!]));
  for (const [m, original] of originals) {
    client[m] = (...args: unknown[]) => {
      statements.push(String(args[0]).replace(/\s+/g, " "));
      return original.apply(client, args);
    };
  }
  try {
    const result = await fn();
    return { result, trips: statements.length, statements };
  } finally {
    for (const [m, original] of originals) client[m] = original;
  }
}

describe("a signed-in request's database round trips", () => {
  let leader: Awaited<ReturnType<typeof createActor>>;
  let sessionId: string;
  let cookie: string;
  beforeAll(async () => {
    leader = await createActor(t.db, "leader", t.tree.branchA);
    sessionId = await openSession(t.db, leader.id, new Date(), sessionPolicy().maxMs);
    const now = Date.now();
    cookie = await encode({
      token: { uid: String(leader.id), sid: sessionId, authTime: now, lastSeen: now },
      secret: DEV_AUTH_SECRET,
      salt: "authjs.session-token",
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it("the cookie's session, the actor and the scope inputs: one statement; the overview: two more", async () => {
    const session = await readSession(cookie);
    expect(session).toMatchObject({ state: "active", userId: leader.id, sessionId, refresh: false });
    if (session.state !== "active") return;

    const actor = await roundTrips(t.db, () => loadActor(t.db, session.userId, session.sessionId));
    expect(actor.result).toMatchObject({ id: leader.id, role: "leader", unitId: t.tree.branchA.id, unitPath: t.tree.branchA.path });
    expect(actor.trips).toBe(1);
    expect(actor.statements[0]).toMatch(/join "units".*join "sessions"/);

    const overview = await roundTrips(t.db, () =>
      callerFor(t.db, actor.result).dashboard.overview({ unitId: t.tree.branchA.id, from: "2026Q1", to: "2026Q3" }),
    );
    expect(overview.result.trend).toHaveLength(3);
    expect(overview.result.breadcrumb.map((b) => b.id)).toEqual([t.tree.branchA.id]);
    expect(overview.result.cases).toEqual({ open: 0, overdue: 0, closed: 0 });
    expect(overview.trips).toBe(2);
  });

  it("a revoked session is refused at once, in the same one statement", async () => {
    const other = await openSession(t.db, leader.id, new Date(), sessionPolicy().maxMs);
    await endSession(t.db, other, "signOutEverywhere");
    const refused = await roundTrips(t.db, () => loadActor(t.db, leader.id, other));
    expect(refused.result).toBeNull();
    expect(refused.trips).toBe(1);
  });
});
