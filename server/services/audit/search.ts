import "server-only";
import { and, desc, eq, gte, like, lt, type SQL } from "drizzle-orm";
import type { Db } from "~/db/client";
import { auditLog, units, users } from "~/db/schema";
import { badInput } from "~/server/errors";
import { z } from "~/server/lib/zod";
import { assertCapability, type Actor } from "~/server/scope";
import { maxId, unitIdSchema } from "~/lib/schemas";
import { wordsCondition } from "./search-words";
import { m } from "~/lib/server-message";
import { escapeLike } from "~/lib/like-pattern";

const dateOrTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: m("audit.dateMustLookLike202611"),
});

export const auditSearchSchema = z.object({
  unitId: unitIdSchema.optional(),
  actorId: z.number().int().positive().max(maxId).optional(),
  username: z.string().trim().min(1).max(64).optional(),
  /** A prefix: "report." finds report.save, report.submit, … */
  action: z.string().trim().min(1).max(100).optional(),
  /** Words as the page shows them (names, objects, actions, values: “张三 案件 调查核实”); every word must match. */
  q: z.string().trim().max(200).optional(),
  from: dateOrTime.optional(),
  to: dateOrTime.optional(),
  /** The `id` of the last entry already shown; the next page starts below it. */
  cursor: z.number().int().positive().max(maxId).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type AuditSearchInput = z.output<typeof auditSearchSchema>;

const DAY_MS = 24 * 3600 * 1000;
// A bare date means that whole day in Beijing time, the time the users work in.
const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`);
const isDateOnly = (d: string) => d.length === 10;

/**
 * The audit log, newest first, filtered by unit, actor, action prefix and time; keyset
 * pagination on `id` (append-only and increasing), so pages never skip or repeat an entry
 * even while new ones are written.
 */
export async function searchAudit({ db, actor }: { db: Db; actor: Actor }, input: AuditSearchInput) {
  assertCapability(actor, "viewAudit");
  const from = input.from ? (isDateOnly(input.from) ? dayStart(input.from) : new Date(input.from)) : null;
  const to = input.to ? (isDateOnly(input.to) ? new Date(dayStart(input.to).getTime() + DAY_MS) : new Date(input.to)) : null;
  if (from && to && from >= to) throw badInput({ to: m("audit.toMustNotBeBeforeFrom") });

  const conds: SQL[] = [];
  if (input.cursor) conds.push(lt(auditLog.id, input.cursor));
  if (input.unitId) conds.push(eq(auditLog.unitId, input.unitId));
  if (input.actorId) conds.push(eq(auditLog.actorId, input.actorId));
  if (input.username) {
    // Resolved to an id first so the (actor_id, at) index does the filtering.
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, input.username)).limit(1);
    if (!user) return { items: [], nextCursor: null };
    conds.push(eq(auditLog.actorId, user.id));
  }
  if (input.action) conds.push(like(auditLog.action, `${escapeLike(input.action)}%`));
  const words = await wordsCondition(input.q);
  if (words) conds.push(words);
  if (from) conds.push(gte(auditLog.at, from));
  if (to) conds.push(lt(auditLog.at, to));

  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      unitId: auditLog.unitId,
      unitName: units.name,
      actorId: auditLog.actorId,
      actorUsername: users.username,
      actorDisplayName: users.displayName,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .leftJoin(units, eq(units.id, auditLog.unitId))
    .where(and(...conds))
    .orderBy(desc(auditLog.id))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit);
  return { items, nextCursor: rows.length > input.limit ? (items[items.length - 1]?.id ?? null) : null };
}
