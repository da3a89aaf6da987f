import { TRPCError } from "@trpc/server";
import { and, count, eq, like, not } from "drizzle-orm";
import { expect } from "vitest";
import type { Db } from "~/db/client";
import { auditLog } from "~/db/schema";
import { FieldValidationError } from "~/server/errors";

/** The TRPCError code a call fails with, or "ok". */
export async function outcomeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (err) {
    if (err instanceof TRPCError) return err.code;
    throw err;
  }
}

/** The TRPCError a call fails with (fails the test if it succeeds). */
export async function trpcError(p: Promise<unknown>): Promise<TRPCError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof TRPCError) return err;
    throw err;
  }
  throw new Error("expected the call to fail");
}

/** The per-field messages of a BAD_REQUEST, from a service (badInput) or from zod. */
export async function fieldErrorsOf(p: Promise<unknown>): Promise<Record<string, string>> {
  const err = await trpcError(p);
  expect(err.code).toBe("BAD_REQUEST");
  if (err.cause instanceof FieldValidationError) return err.cause.fieldErrors;
  const issues = (err.cause as { issues?: { path: PropertyKey[]; message: string }[] } | undefined)?.issues;
  expect(issues, `BAD_REQUEST without field messages: ${err.message}`).toBeDefined();
  const out: Record<string, string> = {};
  for (const issue of issues!) out[issue.path.join(".")] ??= issue.message;
  return out;
}

/** The audit rows of one action on one entity, oldest first. */
export function auditRows(db: Db, action: string, entityId: number | string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, String(entityId))))
    .orderBy(auditLog.id);
}

/** How many audit rows record a change (refused calls are audited as authz.* and do not count). */
export async function changeAuditCount(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(not(like(auditLog.action, "authz.%")));
  return row!.n;
}
