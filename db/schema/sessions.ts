import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./users";

export const sessionEndReasons = ["signOut", "signOutEverywhere", "passwordReset", "deactivated"] as const;
export type SessionEndReason = (typeof sessionEndReasons)[number];

/**
 * One row per sign-in (登录会话). The session cookie names its row; every request reloads the
 * actor in one query that also requires the row to be open (server/auth/load-actor.ts), so
 * signing out, "sign out everywhere", a password reset or deactivation end a session at once,
 * even for a copy of the cookie.
 */
export const sessions = pgTable(
  "sessions",
  {
    /** 128 random bits, base64url: the token carries it, nothing can be derived from it. */
    id: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The absolute limit (SESSION_MAX_HOURS after sign-in): past it the row is dead and may be pruned. */
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    endedAt: timestamp({ withTimezone: true }),
    endedReason: text({ enum: sessionEndReasons }),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

export type SessionRow = typeof sessions.$inferSelect;
