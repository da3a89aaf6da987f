import { eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { users } from "~/db/schema";
import { z } from "~/server/lib/zod";
import { dummyPasswordHash, verifyPassword } from "./password";

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

/** Checks a username and password; the same null for unknown users and wrong passwords. */
export async function authorizeCredentials(db: Db, credentials: unknown): Promise<{ id: string; name: string } | null> {
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const [user] = await db.select().from(users).where(eq(users.username, parsed.data.username)).limit(1);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), parsed.data.password);
  if (!user || !ok || !user.active) return null;
  return { id: String(user.id), name: user.displayName };
}
