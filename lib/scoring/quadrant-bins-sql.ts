import { sql, type SQL } from "drizzle-orm";

/** `binOf` (quadrant-bins.ts) in SQL: the lower edge of a score's cell, as float8. */
export function binSql(score: SQL, cell: number): SQL {
  return sql`least(greatest(floor(${score} / ${cell}::float8) * ${cell}::float8, 0), ${100 - cell}::float8)`;
}
