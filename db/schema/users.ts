import { boolean, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { units } from "./units";

import { roles } from "~/lib/codes";

export { roles, type Role } from "~/lib/codes";

export const users = pgTable(
  "users",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    username: text().notNull().unique(),
    displayName: text().notNull(),
    passwordHash: text().notNull(), // argon2id
    role: text({ enum: roles }).notNull(),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("users_unit_idx").on(t.unitId)],
);

export type User = typeof users.$inferSelect;
