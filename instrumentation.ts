// Runs once when the server starts (not during `next build`): production refuses to start
// with a setting that would make it unsafe, instead of failing on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { refuseUnsafeStart } = await import("./server/auth/startup-check");
    await refuseUnsafeStart();
    // Import jobs left running by a previous process are resumed (server/services/import-job/runner.ts).
    const [{ startImportRunner }, { getDb }] = await Promise.all([import("./server/services/import-job/runner"), import("./db/client")]);
    startImportRunner(getDb);
    (await import("./server/lib/heavy-pool")).warmHeavyPool();
    // The API lane: scripts/server.mjs answers /api/trpc/* with it, outside Next's router (server/api/lane.ts).
    const { handleLaneRequest, isLaneRequest } = await import("./server/api/lane");
    (globalThis as { __djzlApiLane?: unknown }).__djzlApiLane = { handle: handleLaneRequest, matches: isLaneRequest };
    // The case and meeting-quality rollups of a database migrated from before 0023 are built once (rollup/tree-counts.ts).
    const { ensureCountRollups } = await import("./server/services/rollup/tree-counts");
    void getDb()
      .then((db) => ensureCountRollups(db))
      .then((built) => built && console.log("case and meeting-quality rollups built"))
      .catch((err: unknown) =>
        console.error("building the case and meeting-quality rollups failed (it runs again at the next start):", err),
      );
    // The quadrant rollup of a database migrated from before 0026 is built once (rollup/quadrant.ts).
    const { ensureQuadrantRollup } = await import("./server/services/rollup/quadrant");
    void getDb()
      .then((db) => ensureQuadrantRollup(db))
      .then((built) => built && console.log("quadrant rollup built"))
      .catch((err: unknown) => console.error("building the quadrant rollup failed (it runs again at the next start):", err));
    // Rows without copy-detection bands (written before migration 0021) get them, in batches.
    const { backfillCopyDetection } = await import("./server/services/copy-check/backfill");
    void getDb()
      .then((db) => backfillCopyDetection(db, { log: (line) => console.log(line) }))
      .catch((err: unknown) => console.error("copy detection backfill failed (it runs again at the next start):", err));
  }
}
