import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * A person who holds or held a post on a unit's Party committee — the identity that follows a
 * secretary across units and years (干部考察参考). Names only: no ID numbers or other personal data.
 */
export const people = pgTable("people", {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  name: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  createdBy: integer().references(() => users.id),
});

export type Person = typeof people.$inferSelect;
