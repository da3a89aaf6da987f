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
    // Rows without copy-detection bands (written before migration 0021) get them, in batches.
    const { backfillCopyDetection } = await import("./server/services/copy-check/backfill");
    void getDb()
      .then((db) => backfillCopyDetection(db, { log: (line) => console.log(line) }))
      .catch((err: unknown) => console.error("copy detection backfill failed (it runs again at the next start):", err));
  }
}
