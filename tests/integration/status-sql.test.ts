import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "~/db/client";
import { reportStatuses } from "~/lib/codes";
import { countedStatuses, reportInclusions } from "~/lib/status";
import { countedStatusSql } from "~/lib/status-sql";
import { createTestDb, type TestDb } from "./test-db";

/** Which reports count for the dashboards: the SQL condition and the TypeScript list are one rule. */
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

describe("countedStatusSql", () => {
  it("matches exactly the statuses countedStatuses lists, for every inclusion (null never counts)", async () => {
    const values = sql.join(
      [...reportStatuses, null].map((s) => sql`(${s}::text)`),
      sql`, `,
    );
    for (const include of reportInclusions) {
      const rows = await queryRows<{ status: string | null; counted: boolean | null }>(
        t.db,
        sql`select r.status, ${countedStatusSql("r.status", include)} as counted from (values ${values}) as r(status)`,
      );
      const counted = rows.filter((r) => r.counted === true).map((r) => r.status);
      expect(counted.sort(), include).toEqual([...countedStatuses(include)].sort());
    }
  });
});
