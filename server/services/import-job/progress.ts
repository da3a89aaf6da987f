import "server-only";
/**
 * Rows written by the job this process is running. The write transaction cannot publish its
 * progress through the database (nothing in it is visible before it commits), so the count
 * lives here and `importJob.get` adds it to the stored row.
 */
const state = globalThis as unknown as { importJobWritten?: Map<number, number> };
export const writtenSoFar = (state.importJobWritten ??= new Map<number, number>());
