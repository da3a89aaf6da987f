import type postgresType from "postgres";
import type { PendingQuery, Sql } from "postgres";
import { isConnectionLost, skipRollbackOnLostConnection } from "./lost-connection";

type PostgresFactory = typeof postgresType;
type PoolOptions = NonNullable<Parameters<PostgresFactory>[1]>;

const RETIRE_GRACE_MS = 30_000;

/**
 * A postgres.js pool that heals after its database went away. postgres.js 3.4.9 keeps the
 * error of a query whose backend was killed (pg_terminate_backend, server stop) in that
 * connection and replays it onto the first query after the reconnect, with an unhandled
 * rejection on top (porsager/postgres#1223). So once a query or transaction of the pool
 * fails because its connection was lost, the whole pool is retired — its other queries in
 * flight may finish within 30 s — and a fresh one takes the next queries. Callers (drizzle) hold
 * one stable client that always forwards to the current pool.
 */
export function openPostgresPool(postgres: PostgresFactory, url: string, options: PoolOptions): Sql {
  let current = create();
  const retired = new Map<Sql, NodeJS.Timeout>();

  function create(): Sql {
    const client = postgres(url, options);
    skipRollbackOnLostConnection(client);
    const begin = client.begin.bind(client) as (...args: unknown[]) => Promise<unknown>;
    client.begin = ((...args: unknown[]) => begin(...args).catch((err: unknown) => failed(client, err))) as Sql["begin"];
    const unsafe = client.unsafe.bind(client);
    const prepare = preparesStatements(client);
    client.unsafe = ((...args: Parameters<Sql["unsafe"]>) => {
      if (prepare) args = withPreparedStatement(args);
      // Watch the rejection without awaiting the query: postgres.js queries run when awaited,
      // and drizzle still has to call `.values()` on it first.
      const query = unsafe(...args) as PendingQuery<never> & { reject: (err: unknown) => void };
      const reject = query.reject;
      query.reject = (err: unknown) => {
        if (isConnectionLost(err)) retire(client);
        reject(err);
      };
      return query;
    }) as unknown as Sql["unsafe"];
    return client;
  }

  function failed(client: Sql, err: unknown): never {
    if (isConnectionLost(err)) retire(client);
    throw err;
  }

  /** Replaces the pool that lost a connection (once: a pool already replaced is left alone). */
  function retire(client: Sql) {
    if (client !== current) return;
    const next = create();
    // drizzle installed its own type parsers on the first pool; the new one needs them too.
    Object.assign(next.options.parsers, current.options.parsers);
    Object.assign(next.options.serializers, current.options.serializers);
    current = next;
    // Its other queries in flight get a grace period. A connection killed mid-query never
    // counts as idle again in postgres.js, so the pool is ended by force afterwards.
    const timer = setTimeout(() => void endRetired(client, 0), RETIRE_GRACE_MS);
    timer.unref();
    retired.set(client, timer);
  }

  function endRetired(client: Sql, timeout: number) {
    clearTimeout(retired.get(client));
    retired.delete(client);
    return client.end({ timeout }).catch(() => {});
  }

  // Shutting down: the current pool as asked, the retired ones at once.
  const end = async (opts?: { timeout?: number }) => {
    await Promise.all([current.end(opts), ...[...retired.keys()].map((c) => endRetired(c, 0))]);
  };

  // The stable face: a tagged-template call or any property goes to the current pool.
  return new Proxy((() => {}) as unknown as Sql, {
    apply: (_target, _this, args: unknown[]) => (current as unknown as (...a: unknown[]) => unknown)(...args),
    get: (_target, key) => {
      if (key === "end") return end;
      const value = Reflect.get(current, key, current) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(current) : value;
    },
    set: (_target, key, value) => Reflect.set(current, key, value, current),
  });
}

/**
 * Whether queries run as named prepared statements: yes, unless the connection string says
 * `prepare=false` (PgBouncer 1.18 in transaction mode cannot keep them: scripts/cluster/apps.sh).
 * drizzle asks postgres.js for an unnamed statement on every query it was not told to prepare,
 * and postgres.js then first sends Parse/Describe and waits for the parameter types before it
 * can bind — two round trips per query with parameters, and the statement parsed every time.
 * Prepared (per connection, by query text, as postgres.js does by default), a query is one
 * round trip from its second use on; about 1 ms less Node CPU per query (docs/performance.md).
 */
export const preparesStatements = (client: Pick<Sql, "options">) => client.options.prepare !== false;

/** `unsafe(text, params, options)` arguments asking for a prepared statement when there are parameters. */
export function withPreparedStatement(args: Parameters<Sql["unsafe"]>): Parameters<Sql["unsafe"]> {
  const [text, params, options] = args;
  if (!Array.isArray(params) || params.length === 0) return args;
  return [text, params, { ...options, prepare: true }];
}
