/**
 * tRPC setup: 1. context, 2. initialisation (transformer, error shape), 3. procedure builders.
 */
import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import type { Db } from "~/db/client";
import { badInput } from "~/server/errors";
import { databaseUnavailable, isDatabaseUnavailable } from "~/server/lib/db-unavailable";
import { createReplicaFallback } from "~/server/lib/replica-fallback";
import { m } from "~/lib/server-message";
import { unstorableText, unstorableTextMessage } from "~/lib/unstorable-text";
import { OutOfReach, type Actor } from "~/server/scope";
import { publicError } from "./error-message";
import { auditRefusal, isRefusal } from "./refusal-audit";

// 1. CONTEXT — the database, the signed-in actor (null when signed out) and the UI language
// of the browser that called (unset for scripts: their messages stay bilingual).
export type Context = {
  db: Db;
  /** Where dashboards read: a read replica when configured, else `db` (db/client.ts getReadDb). */
  readDb?: Db;
  actor: Actor | null;
  /** The snapshot `db` showed the session statement (server/lib/snapshot-memo.ts); unset when not read there. */
  snapshot?: string | null;
  locale?: string | null;
};

// 2. INITIALISATION — BAD_REQUEST carries per-field messages in `data.fieldErrors`.
const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    const { message, fieldErrors } = publicError(error, ctx?.locale);
    // Never send a stack trace to the caller.
    const { stack: _stack, ...data } = shape.data;
    return { ...shape, message, data: { ...data, fieldErrors } };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;

// 3. PROCEDURES
/** A lost database connection (server stopped, backend terminated) answers SERVICE_UNAVAILABLE, not a 500. */
const databaseFaults = t.middleware(async ({ next, path }) => {
  const result = await next();
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR" && isDatabaseUnavailable(result.error)) {
    throw databaseUnavailable(result.error.cause, path);
  }
  return result;
});

/**
 * A refused call (FORBIDDEN, UNAUTHORIZED) leaves an `authz.refused` audit row (refusal-audit.ts).
 * So does an id that exists out of the caller's reach, answered NOT_FOUND like an unknown one
 * (scope.ts `OutOfReach`): that row is written without waiting, so the answer comes as fast as
 * an unknown id's.
 */
const auditRefusals = t.middleware(async ({ ctx, path, getRawInput, next }) => {
  const result = await next();
  if (!result.ok && isRefusal(result.error.code)) await auditRefusal(ctx, { path, code: result.error.code, getRawInput });
  else if (!result.ok && result.error.cause instanceof OutOfReach) {
    const { kind, id } = result.error.cause;
    void auditRefusal(ctx, { path, code: "NOT_FOUND", getRawInput, outOfReach: { kind, id } });
  }
  return result;
});

export const publicProcedure = t.procedure.use(databaseFaults).use(auditRefusals);

/** Text PostgreSQL cannot store (NUL, lone surrogates) is refused up front, naming the field, not a 500 later. */
const refuseUnstorableText = t.middleware(async ({ getRawInput, next }) => {
  const bad = unstorableText(await getRawInput());
  if (bad) throw badInput({ [bad.path || "input"]: unstorableTextMessage[bad.reason] });
  return next();
});

/** Signed in (with an active account); `ctx.actor` is non-null. Scope is checked in services. */
export const protectedProcedure = publicProcedure
  .use(({ ctx, next }) => {
    if (!ctx.actor) throw new TRPCError({ code: "UNAUTHORIZED", message: m("api.signInFirst") });
    return next({ ctx: { ...ctx, actor: ctx.actor } });
  })
  .use(refuseUnstorableText);

const readWithFallback = createReplicaFallback();

/**
 * A signed-in read of the dashboards: `ctx.db` is the read connection (a replica when
 * `DATABASE_READ_URL` is set, docs/scaling.md), the primary when the replica is unreachable
 * (server/lib/replica-fallback.ts). Only for procedures that never write.
 */
export const analyticsProcedure = protectedProcedure.use(({ ctx, next }) => {
  const replica = ctx.readDb;
  if (!replica || replica === ctx.db) return next();
  // The session's snapshot is the primary's: it says nothing of what a replica shows.
  return readWithFallback((onReplica) => next({ ctx: { ...ctx, ...(onReplica ? { db: replica, snapshot: null } : {}) } }));
});
