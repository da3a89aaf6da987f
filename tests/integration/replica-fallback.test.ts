import { afterAll, describe, expect, it, vi } from "vitest";
import { openDb } from "~/db/client";
import { createCaller } from "~/server/api/root";
import { createReplicaFallback, replicaPauseMs } from "~/server/lib/replica-fallback";
import { createActor } from "../factories";
import { useTreeDb } from "./test-db";

// Dashboards read a replica when DATABASE_READ_URL is set; a stopped standby must not stop them.
const t = useTreeDb();
// A "replica" nobody listens on: every connection is refused at once.
const deadReplica = openDb({ url: "postgres://nobody@127.0.0.1:1/none?connect_timeout=2" });
afterAll(async () => (await deadReplica).close());

describe("dashboard reads through an unreachable replica", () => {
  it("answers from the primary, the same figures, well within 10 s", async () => {
    const leader = await createActor(t.db, "leader", t.tree.branchA);
    const input = { unitId: t.tree.branchA.id, from: "2026Q1", to: "2026Q2" } as const;
    const expected = await createCaller({ db: t.db, actor: leader }).dashboard.overview(input);
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const viaReplica = createCaller({ db: t.db, readDb: (await deadReplica).db, actor: leader });
    const started = performance.now();
    expect(await viaReplica.dashboard.overview(input)).toEqual(expected);
    expect(performance.now() - started).toBeLessThan(10_000);
    errors.mockRestore();
  });
});

describe("createReplicaFallback", () => {
  const lost = { ok: false, error: Object.assign(new Error("refused"), { code: "ECONNREFUSED" }) };
  const fine = { ok: true };

  it("passes the replica over for the pause after it failed, then tries it again", async () => {
    let clock = 0;
    const read = createReplicaFallback(() => clock);
    const tried: boolean[] = [];
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const attempt = async (onReplica: boolean) => (tried.push(onReplica), onReplica ? lost : fine);
    expect(await read(attempt)).toBe(fine);
    expect(tried).toEqual([true, false]);
    clock += replicaPauseMs - 1;
    await read(attempt);
    expect(tried).toEqual([true, false, false]);
    clock += 1;
    await read(attempt);
    expect(tried).toEqual([true, false, false, true, false]);
    errors.mockRestore();
  });

  it("returns any other error as it is, without a second attempt", async () => {
    const read = createReplicaFallback(() => 0);
    const refused = { ok: false, error: new Error("NOT_FOUND") };
    const tried: boolean[] = [];
    expect(await read(async (onReplica) => (tried.push(onReplica), refused))).toBe(refused);
    expect(tried).toEqual([true]);
  });
});
