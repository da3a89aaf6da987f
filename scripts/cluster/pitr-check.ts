import { existsSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { eq } from "drizzle-orm";
import superjson from "superjson";
import { openDb } from "~/db/client";
import { units, users } from "~/db/schema";
import { addQuarters, quarterOf } from "~/lib/quarter";
import { createCaller } from "~/server/api/root";
import { signIn, startServer } from "../bench/http";

/**
 * The app's side of the PITR test (scripts/cluster/pitr-test.sh):
 * `pitr-check.ts <original url> <restored url> <app port> <log file>` asks the app's own
 * `dashboard.overview` (the tRPC procedure with its scope and services, as the demo leader, the
 * last eight quarters) of both databases, then — when there is a production build in .next —
 * starts the app (`next start`) on <app port> against the restored copy, signs in as the demo
 * leader and asks it over HTTP. Exits 1 unless the restored copy serves exactly what the original
 * does. Prints one line.
 */
type Input = { unitId: number; from: string; to: string };

async function overviewOf(url: string): Promise<{ input: Input; overview: unknown }> {
  const handle = await openDb({ url });
  try {
    const [leader] = await handle.db.select().from(users).where(eq(users.username, "leader"));
    if (!leader) throw new Error(`没有演示账号 leader（no demo leader）: ${url}`);
    const [unit] = await handle.db.select().from(units).where(eq(units.id, leader.unitId));
    const to = quarterOf(new Date());
    const input = { unitId: unit!.id, from: addQuarters(to, -7), to };
    const caller = createCaller({ db: handle.db, actor: { ...leader, unitPath: unit!.path } });
    return { input, overview: await caller.dashboard.overview(input) };
  } finally {
    await handle.close();
  }
}

/** The overview as the app (`next start` on the build in .next) serves it over HTTP from `url`. */
async function overviewOverHttp(url: string, input: Input, port: number, logFile: string): Promise<unknown> {
  const server = await startServer({ distDir: ".next", port, databaseUrl: url, logFile });
  try {
    const cookie = await signIn(server.base, "leader", "demo1234");
    const query = encodeURIComponent(JSON.stringify({ json: input }));
    const res = await fetch(`${server.base}/api/trpc/dashboard.overview?input=${query}`, { headers: { cookie } });
    const body = (await res.json()) as { result?: { data?: { json?: unknown } } };
    if (!res.ok || !body.result) throw new Error(`HTTP ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
    return body.result.data?.json;
  } finally {
    await server.stop();
  }
}

async function main() {
  const [original, restored, port, logFile] = process.argv.slice(2);
  if (!original || !restored || !port || !logFile) {
    throw new Error("用法（Usage）: pitr-check.ts <original url> <restored url> <app port> <log file>");
  }
  const a = await overviewOf(original);
  const b = await overviewOf(restored);
  const same = isDeepStrictEqual(a, b);
  let http = "HTTP not checked (no production build in .next)";
  let sameHttp = true;
  if (existsSync(path.join(".next", "BUILD_ID"))) {
    const served = await overviewOverHttp(restored, b.input, Number(port), logFile);
    sameHttp = isDeepStrictEqual(served, superjson.serialize(a.overview).json);
    http = `the app over HTTP as leader on :${port}: ${sameHttp ? "same" : "DIFFERENT"}`;
  }
  console.log(`overview on the restored copy: services ${same ? "same" : "DIFFERENT"}, ${http}`);
  process.exit(same && sameHttp ? 0 : 1);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
