import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { units } from "~/db/schema";
import { textFingerprint } from "~/lib/text-similarity";
import { bandsNow } from "~/server/services/copy-check/probe";
import { flagRules } from "./flags";
import { assertUnitInScope, type Actor } from "~/server/scope";
import { findCopiedMinutes } from "./copied-match";
import { matchEvidence, type MatchEvidence } from "./match-evidence";
import type { CheckMinutesInput } from "./schemas";

/**
 * `meeting.checkMinutes`: before a meeting is saved, whether its minutes are nearly identical
 * to an earlier meeting of the unit or to any other unit's (the copied-minutes flag's own
 * rule and band probe, ./copied-match.ts), so the person is warned while they can still change them. Read-only;
 * the caller must be able to write the unit; a match outside their reach names nothing of it.
 */
export async function checkMinutes(
  { db, actor }: { db: Db; actor: Actor },
  input: CheckMinutesInput,
): Promise<{ match: MatchEvidence | null }> {
  await assertUnitInScope(db, actor, input.unitId, "write");
  if (input.minutes.replace(/\s+/g, "").length < flagRules.minMinutesChars) return { match: null };
  const fingerprint = textFingerprint(input.minutes);
  const found = await db.transaction(async (tx) =>
    findCopiedMinutes(tx, {
      fingerprint,
      bands: await bandsNow(tx, fingerprint),
      unitId: input.unitId,
      date: input.date,
      beforeId: 0,
      excludeId: input.meetingId ?? null,
    }),
  );
  if (!found) return { match: null };
  const [unit] = await db.select({ id: units.id, path: units.path, name: units.name }).from(units).where(eq(units.id, found.unitId));
  if (!unit) return { match: null };
  return { match: matchEvidence(actor, found, unit, input.unitId) };
}
