import { index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

export const loginAttemptKinds = ["user", "ip"] as const;
export type LoginAttemptKind = (typeof loginAttemptKinds)[number];

/**
 * Sign-in throttling (登录限流), one row per bucket: an account name as typed (`user`) or a
 * client address (`ip`). Kept in the database so a restart does not reset the counters;
 * server/auth/throttle.ts owns the rows, server/auth/throttle-policy.ts the rules.
 */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    kind: text({ enum: loginAttemptKinds }).notNull(),
    key: text().notNull(),
    /** Failed (and in-flight) attempts in the current window. */
    failures: integer().notNull().default(0),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    /** Set when `failures` reached the limit: every attempt before it is refused. */
    lockedUntil: timestamp({ withTimezone: true }),
    /** Attempts refused since the lock began (the audit log records 1, 10, 100, … of them). */
    refused: integer().notNull().default(0),
    /** After this the row says nothing any more and may be deleted. */
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.key] }), index("login_attempts_expires_idx").on(t.expiresAt)],
);

export type LoginAttempt = typeof loginAttempts.$inferSelect;
