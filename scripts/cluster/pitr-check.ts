import { isDeepStrictEqual } from "node:util";
import { eq } from "drizzle-orm";
import { openDb } from "~/db/client";
import { units, users } from "~/db/schema";
import { addQuarters, quarterOf } from "~/lib/quarter";
import { createCaller } from "~/server/api/root";

/**
 * The app's side of the PITR test (scripts/cluster/pitr-test.sh): `pitr-check.ts <original url>
 * <restored url>` asks the app's own `dashboard.overview` (the tRPC procedure with its scope and
 * services, as the demo leader, the last eight quarters) of both databases and exits 1 unless
 * the restored one serves exactly what the original does. Prints one line.
 */
async function overviewOf(url: string) {
  const handle = await openDb({ url });
  try {
    const [leader] = await handle.db.select().from(users).where(eq(users.username, "leader"));
    if (!leader) throw new Error(`没有演示账号 leader（no demo leader）: ${url}`);
    const [unit] = await handle.db.select().from(units).where(eq(units.id, leader.unitId));
    const actor = { ...leader, unitPath: unit!.path };
    const to = quarterOf(new Date());
    const caller = createCaller({ db: handle.db, actor });
    return await caller.dashboard.overview({ unitId: unit!.id, from: addQuarters(to, -7), to });
  } finally {
    await handle.close();
  }
}

async function main() {
  const [original, restored] = process.argv.slice(2);
  if (!original || !restored) throw new Error("用法（Usage）: pitr-check.ts <original url> <restored url>");
  const [a, b] = [await overviewOf(original), await overviewOf(restored)];
  const same = isDeepStrictEqual(a, b);
  console.log(
    `overview as leader: ${same ? "same on the restored copy" : "DIFFERENT on the restored copy"} (${JSON.stringify(b).length} bytes)`,
  );
  process.exit(same ? 0 : 1);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
