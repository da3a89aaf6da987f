import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { openPostgresPool, withPreparedStatement } from "~/db/postgres-pool";

/**
 * Issue 16, per request: drizzle asks postgres.js for an unnamed statement on every query it was
 * not told to prepare, and postgres.js then sends Parse/Describe and waits for the answer before
 * it binds the parameters — two round trips per query. The app's pool (db/postgres-pool.ts)
 * makes parameterised queries prepared statements instead, except where the connection string
 * says `prepare=false` (PgBouncer 1.18 in transaction mode: scripts/cluster/apps.sh).
 * PostgreSQL only (PGlite has no network round trips).
 */
const pgUrl = process.env.TEST_DATABASE_URL;
const pools: postgres.Sql[] = [];
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end({ timeout: 1 })));
});

/** One connection, so the statements it prepared are visible to the next query. */
function pool(url: string) {
  const sql = openPostgresPool(postgres, url, { max: 1, onnotice: () => {} });
  pools.push(sql);
  return sql;
}

const preparedCount = async (sql: postgres.Sql) =>
  Number((await sql.unsafe("select count(*)::int as n from pg_prepared_statements where statement like '%djzl_prepare_probe%'"))[0]!.n);

describe("the arguments a parameterised query gets", () => {
  it("asks for a prepared statement when there are parameters, and only then", () => {
    expect(withPreparedStatement(["select $1", [1], { prepare: false }])).toEqual(["select $1", [1], { prepare: true }]);
    expect(withPreparedStatement(["select $1", [1]])).toEqual(["select $1", [1], { prepare: true }]);
    expect(withPreparedStatement(["select 1"])).toEqual(["select 1"]);
    expect(withPreparedStatement(["select 1", []])).toEqual(["select 1", []]);
  });
});

describe.skipIf(!pgUrl)("prepared statements on PostgreSQL", () => {
  const probe = "select $1::int + 1 as n /* djzl_prepare_probe */";

  it("a query drizzle sends unprepared is prepared once and reused", async () => {
    const sql = pool(pgUrl!);
    for (let i = 0; i < 3; i++) expect((await sql.unsafe(probe, [i], { prepare: false }))[0]!.n).toBe(i + 1);
    expect(await preparedCount(sql)).toBe(1);
  });

  it("not with prepare=false in the connection string (PgBouncer in transaction mode)", async () => {
    const sql = pool(`${pgUrl}${pgUrl!.includes("?") ? "&" : "?"}prepare=false`);
    for (let i = 0; i < 3; i++) expect((await sql.unsafe(probe, [i], { prepare: false }))[0]!.n).toBe(i + 1);
    expect(await preparedCount(sql)).toBe(0);
  });
});
