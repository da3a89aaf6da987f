import { sql } from "drizzle-orm";

/**
 * What a statement sees, as text: `pg_current_snapshot()` (the oldest running transaction, the
 * next one after the last completed, those still running) — every commit changes it — and when
 * the server started, so that a promoted standby, whose transaction numbers continue from what
 * it replayed, never repeats a snapshot the old primary showed over other rows.
 * server/lib/snapshot-memo.ts keys remembered answers by it.
 */
export const snapshotSql = () => sql<string>`pg_current_snapshot()::text || '@' || pg_postmaster_start_time()::text`;
