import type { Sql, TransactionSql } from "postgres";

// postgres.js's own codes for a connection that broke or never opened, and Node's socket errors.
const connectionCodes = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

// SQLSTATEs: class 08 (connection exception), 57P01 admin_shutdown (pg_terminate_backend,
// fast shutdown), 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up / shutting
// down), 53300 too_many_connections, 25006 read_only_sql_transaction (the app never opens a
// read-only transaction itself: behind PgBouncer, the server of a pooled connection became a
// standby in a failover — the pool is replaced and connects to the new primary, docs/scaling.md §5).
const isLostSqlState = (code: string) => /^08[0-9A-Z]{3}$/.test(code) || ["57P01", "57P02", "57P03", "53300", "25006"].includes(code);

/** True when `err`, or anything in its `cause` chain (drizzle's, tRPC's wrappers), is a lost or unreachable database. */
export function isConnectionLost(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === "object" && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (connectionCodes.has(code) || isLostSqlState(code))) return true;
    // Node's happy-eyeballs connect fails with an AggregateError of one error per address.
    if (e instanceof AggregateError && e.errors.some((inner) => isConnectionLost(inner))) return true;
  }
  return false;
}

/** The codes along an error's cause chain, for a one-line log. */
export function errorCodes(err: unknown): string[] {
  const codes: string[] = [];
  for (let e = err, depth = 0; e && typeof e === "object" && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") codes.push(code);
  }
  return codes;
}

/**
 * postgres.js 3.4.9 answers a failed transaction body with ROLLBACK on the same connection,
 * even when that connection has just died; the write then runs on a null socket inside a
 * setImmediate and throws where nothing can catch it, which kills a plain Node process and
 * leaves that pool slot wedged (porsager/postgres#1154, #1208; the fixes are unreleased).
 *
 * So a transaction body (or savepoint) that failed because the connection was lost does not
 * hand that error back to postgres.js: it stays pending, no ROLLBACK is written (the server
 * rolled back already when the session ended), and `begin` rejects with CONNECTION_CLOSED on
 * its own, because it races every transaction against its connection closing.
 */
export function skipRollbackOnLostConnection(client: Sql): void {
  const begin = client.begin.bind(client) as (...args: unknown[]) => Promise<unknown>;
  client.begin = ((...args: unknown[]) => {
    const body = args.pop() as (tx: TransactionSql) => unknown;
    return begin(...args, (tx: TransactionSql) => guardBody(tx, body));
  }) as Sql["begin"];
}

function guardBody(tx: TransactionSql, body: (tx: TransactionSql) => unknown): Promise<unknown> {
  const savepoint = tx.savepoint.bind(tx) as (...args: unknown[]) => Promise<unknown>;
  tx.savepoint = ((...args: unknown[]) => {
    const inner = args.pop() as (tx: TransactionSql) => unknown;
    return savepoint(...args, (sp: TransactionSql) => guardBody(sp, inner));
  }) as TransactionSql["savepoint"];
  return (
    Promise.resolve()
      .then(() => {
        const result = body(tx);
        return Array.isArray(result) ? Promise.all(result) : result;
      })
      // A fresh pending promise each time (not a shared one), so nothing accumulates on it.
      .catch((err: unknown) => (isConnectionLost(err) ? new Promise<never>(() => {}) : Promise.reject(err)))
  );
}
