import "server-only";
import { and, count, eq, inArray } from "drizzle-orm";
import type { Db } from "~/db/client";
import { importJobs, type ImportJobKind } from "~/db/schema";
import { conflict } from "~/server/errors";
import { busy } from "~/server/lib/heavy-pool";
import type { Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { decodeUpload } from "~/server/services/spreadsheet/read-file";
import type { ImportFile } from "~/server/services/spreadsheet/plan";
import { kickImportRunner } from "./runner";
import { m } from "~/lib/server-message";

/** Jobs waiting in the whole system before a new one is refused as “系统繁忙”. */
const MAX_WAITING = 20;
const unfinished = ["queued", "running"] as const;

/**
 * `importJob.start`: stores the file as a background import job and returns its id at once; the
 * runner checks and writes it (server/services/import-job/execute.ts). One unfinished job per user.
 * The roster's procedures start theirs here too, with their kind (after their own capability check).
 */
export async function startImportJob(
  { db, actor }: { db: Db; actor: Actor },
  input: ImportFile,
  kind: ImportJobKind = "report",
): Promise<{ id: number }> {
  decodeUpload(input); // a broken upload is refused now, not minutes later
  const id = await db.transaction(async (tx) => {
    const [mine] = await tx
      .select({ n: count() })
      .from(importJobs)
      .where(and(eq(importJobs.userId, actor.id), inArray(importJobs.status, unfinished)));
    if ((mine?.n ?? 0) > 0) {
      throw conflict(m("importJob.anImportOfYoursIsStill"));
    }
    const [all] = await tx.select({ n: count() }).from(importJobs).where(inArray(importJobs.status, unfinished));
    if ((all?.n ?? 0) >= MAX_WAITING) throw busy();
    const [job] = await tx
      .insert(importJobs)
      .values({ userId: actor.id, unitId: actor.unitId, kind, fileName: input.fileName, content: input.contentBase64 })
      .returning({ id: importJobs.id });
    await writeAudit(tx, actor, {
      action: "import_job.start",
      entity: "import_job",
      entityId: job!.id,
      unitId: actor.unitId,
      after: { fileName: input.fileName, kind },
    });
    return job!.id;
  });
  kickImportRunner(db);
  return { id };
}
