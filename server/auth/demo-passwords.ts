import { and, count, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "~/db/client";
import { users } from "~/db/schema";
import { verifyPassword } from "./password";

/** The seed's password for every demo account (scripts/seed, README). */
export const DEMO_PASSWORD = "demo1234";
const DEMO_USERNAMES = ["admin", "leader", "reviewer", "staff"];
/** At ~20–50 ms a check, the start-up wait stays a few seconds even for a big user table. */
const MAX_CHECKS = 200;

/**
 * The active accounts whose password is still the demo one. Checked: the demo account names,
 * every hash shared by several users (the seeds hash once for all), then other hashes up to
 * MAX_CHECKS — one argon2 verification per distinct hash, not per user.
 */
export async function usersWithDemoPassword(db: Db): Promise<string[]> {
  const active = eq(users.active, true);
  const demoAccounts = await db
    .select({ hash: users.passwordHash })
    .from(users)
    .where(and(active, inArray(users.username, DEMO_USERNAMES)));
  const byUse = await db
    .select({ hash: users.passwordHash })
    .from(users)
    .where(active)
    .groupBy(users.passwordHash)
    .orderBy(desc(count()))
    .limit(MAX_CHECKS);
  const rows = [...new Set([...demoAccounts, ...byUse].map((r) => r.hash))].slice(0, MAX_CHECKS).map((hash) => ({ hash }));
  const demoHashes: string[] = [];
  for (let i = 0; i < rows.length; i += 4) {
    const batch = rows.slice(i, i + 4);
    const hits = await Promise.all(batch.map((r) => verifyPassword(r.hash, DEMO_PASSWORD)));
    batch.forEach((r, j) => hits[j] && demoHashes.push(r.hash));
  }
  if (!demoHashes.length) return [];
  const named = await db
    .select({ username: users.username })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.passwordHash, demoHashes)))
    .orderBy(users.username)
    .limit(20);
  return named.map((u) => u.username);
}

/** Refuses to serve real data behind the published demo password (DJZL_DEMO=1 is the demo, which may). */
export async function assertNoDemoPasswords(db: Db, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (env.NODE_ENV !== "production" || env.DJZL_DEMO === "1") return;
  const found = await usersWithDemoPassword(db);
  if (!found.length) return;
  throw new Error(
    [
      `错误：以下启用的账号仍使用演示密码 ${DEMO_PASSWORD}：${found.join("、")}。生产环境拒绝启动：请先重置这些密码或停用账号（或以 npm run demo 运行演示）。`,
      `Error: these active accounts still have the demo password ${DEMO_PASSWORD}: ${found.join(", ")}. Refusing to start in production: reset their passwords or deactivate them first (or run the demo with npm run demo).`,
    ].join("\n"),
  );
}
