import "server-only";
import type { Db, Tx } from "~/db/client";
import { auditLog } from "~/db/schema";
import type { Actor } from "~/server/scope";

export type AuditInput = {
  action: string;
  entity: string;
  entityId?: string | number | null;
  unitId?: number | null;
  before?: unknown;
  after?: unknown;
};

/** Appends one audit row; call it inside the transaction of the write it records. (Only the actor's id is stored.) */
export async function writeAudit(tx: Db | Tx, actor: Pick<Actor, "id"> | null, entry: AuditInput): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: actor?.id ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    unitId: entry.unitId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
