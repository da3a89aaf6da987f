import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "~/db/client";
import { snapshotSql } from "~/db/snapshot";
import { todayInChina } from "~/lib/beijing-day";
import type { Actor } from "~/server/scope";

/**
 * Answers remembered per database snapshot (按数据库快照记住的答案).
 *
 * `pg_current_snapshot()` names what a statement sees: the oldest running transaction, the
 * next transaction id after the last completed one, and the ones still running. Every commit
 * (and abort) anywhere in the database server changes it, and two statements that run under
 * the same snapshot see exactly the same committed rows (db/snapshot.ts adds the server's start
 * time: a promoted standby continues the transaction numbers from what it replayed). So an answer computed from reads that
 * all ran under snapshot S is the answer every later request that sees S would compute — and
 * it is never given once anything has committed since.
 *
 * A request reads its snapshot in the session statement it runs anyway (load-actor.ts), so a
 * remembered answer costs no extra round trip. A fresh answer is remembered only when the
 * snapshot, read again after computing it, is still the request's: then no commit happened
 * between, and every read it made saw S. Only for answers that depend on nothing but the
 * database, the input, the actor and the day in Beijing (no language); only on the connection
 * the snapshot came from (never a replica: the request context drops the snapshot there). The
 * day is in the key because a quiet night commits nothing, yet at midnight rectification items
 * and reporting deadlines fall due (the overview's overdue cases, the completeness card's
 * overdue units: every deadline is a Beijing midnight).
 *
 * Bounded (least recently used first out), per process; `DJZL_SNAPSHOT_MEMO=0` turns it off.
 */
const limit = 1_000;
const entries = new Map<string, { snapshot: string; value: unknown }>();
const enabled = process.env.DJZL_SNAPSHOT_MEMO !== "0";

export type SnapshotScope = { db: Db; actor: Actor | null; snapshot?: string | null };

export async function rememberedBySnapshot<T>(ctx: SnapshotScope, name: string, input: unknown, compute: () => Promise<T>): Promise<T> {
  const { snapshot, actor } = ctx;
  if (!snapshot || !actor || !enabled) return compute();
  // The actor's id, role and unit decide what they may read; any change to them is a commit.
  const key = `${name}\u0000${todayInChina()}\u0000${actor.id}\u0000${actor.role}\u0000${actor.unitPath}\u0000${JSON.stringify(input)}`;
  const hit = entries.get(key);
  if (hit?.snapshot === snapshot) {
    entries.delete(key);
    entries.set(key, hit); // most recently used last
    return hit.value as T;
  }
  const value = await compute();
  const [now] = await queryRows<{ snapshot: string }>(ctx.db, sql`select ${snapshotSql()} as snapshot`);
  if (now?.snapshot === snapshot) {
    entries.delete(key);
    entries.set(key, { snapshot, value });
    if (entries.size > limit) entries.delete(entries.keys().next().value!);
  }
  return value;
}

/** Forgets every remembered answer (tests). */
export function forgetSnapshotMemo(): void {
  entries.clear();
}
