import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { indicators } from "~/db/schema";
import { assertCapability, type Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { loadIndicator } from "./open-quarter";
import type { UpdateTextsInput } from "./schemas";

const textKeys = ["nameZh", "nameEn", "unitZh", "unitEn", "helpZh", "helpEn", "sortOrder"] as const;

/**
 * Edits an indicator's names, unit of measure, help and display order. These are not
 * versioned: they do not change any score, and past reports read best with today's wording.
 */
export async function updateTexts({ db, actor }: { db: Db; actor: Actor }, input: UpdateTextsInput) {
  assertCapability(actor, "manageCatalogue");
  return db.transaction(async (tx) => {
    const current = await loadIndicator(tx, input.code);
    const changed = textKeys.filter((k) => input[k] !== undefined && input[k] !== current[k]);
    if (changed.length === 0) return { changed: false };
    const patch = Object.fromEntries(changed.map((k) => [k, input[k]]));
    await tx.update(indicators).set(patch).where(eq(indicators.code, current.code));
    await writeAudit(tx, actor, {
      action: "catalogue.updateTexts",
      entity: "indicator",
      entityId: current.code,
      before: Object.fromEntries(changed.map((k) => [k, current[k]])),
      after: patch,
    });
    return { changed: true };
  });
}
