import { openDb } from "~/db/client";
import { migrateDb } from "~/db/migrate";
import { units } from "~/db/schema";
import { buildScaleTree } from "~/scripts/seed/scale/tree";

/**
 * A migrated database holding the scale tree (scripts/seed/scale/tree.ts) of `total` units: an
 * in-memory PGlite, or DATABASE_URL's PostgreSQL (whose tree must be empty).
 */
export async function openScaleTreeDb(total: number) {
  const handle = await openDb({ url: process.env.DATABASE_URL ?? "", pgliteDir: null });
  await migrateDb(handle);
  const tree = buildScaleTree(total);
  for (let i = 0; i < tree.length; i += 1000) {
    await handle.db.insert(units).values(
      tree.slice(i, i + 1000).map((u) => ({
        id: u.id,
        parentId: u.parentId,
        name: u.name,
        type: u.type,
        path: u.path,
        depth: u.depth,
        memberCount: u.memberCount,
      })),
    );
  }
  return { handle, db: handle.db, tree };
}

/** Calls `run` 15 times one after another: the times (ms, ascending; the median is `times[7]`) and the last result. */
export async function fifteenCalls(run: () => unknown): Promise<{ times: number[]; last: unknown }> {
  const times: number[] = [];
  let last: unknown;
  for (let i = 0; i < 15; i++) {
    const t = performance.now();
    last = await run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { times, last };
}
