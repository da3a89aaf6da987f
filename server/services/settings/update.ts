import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { settings } from "~/db/schema";
import { badInput, conflict, type FieldErrors } from "~/server/errors";
import { assertCapability, type Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { setDeadlineDaysFromNextQuarter } from "~/server/services/deadline/rules";
import type { z } from "~/server/lib/zod";
import { settingDefinitions, type SettingKey } from "./definitions";
import { m } from "~/lib/server-message";

export type UpdateSettingInput = { key: SettingKey; value: unknown; version: number };

const stale = () => conflict(m("settings.settingChangedMeanwhileReloadAndTry"));

/** An admin-readable message for one schema issue (zod's own reads like a type error). */
function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "too_small":
      return m("settings.mustBeAtLeast", { minimum: String(issue.minimum) });
    case "too_big":
      return m("settings.mustBeAtMost", { maximum: String(issue.maximum) });
    case "invalid_type":
      if (issue.expected === "int" || issue.expected === "number") return m("settings.mustBeAWholeNumber");
      return issue.expected === "object" ? m("settings.missing") : issue.message;
    case "invalid_value":
      return m("settings.mustBeOneOf", { optionsZh: issue.values.map(String).join(" / "), optionsEn: issue.values.map(String).join(", ") });
    default:
      return issue.message;
  }
}

/**
 * Saves one setting after checking `value` against the key's schema (field errors named
 * `value.<path>`) and that `version` is the one the caller read (0 = never saved).
 */
export async function updateSetting({ db, actor }: { db: Db; actor: Actor }, input: UpdateSettingInput) {
  assertCapability(actor, "manageSettings");
  const def = settingDefinitions[input.key];
  const parsed = def.schema.safeParse(input.value);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) errors[["value", ...issue.path].join(".")] ??= issueMessage(issue);
    throw badInput(errors);
  }
  const value = parsed.data;

  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(settings).where(eq(settings.key, input.key)).limit(1);
    if ((row?.version ?? 0) !== input.version) throw stale();
    const meta = { updatedAt: new Date(), updatedBy: actor.id };
    let saved: { version: number } | undefined;
    if (!row) {
      // Two first saves racing: the primary key lets one through, the other is stale.
      [saved] = await tx
        .insert(settings)
        .values({ key: input.key, value, version: 1, ...meta })
        .onConflictDoNothing()
        .returning({ version: settings.version });
    } else {
      [saved] = await tx
        .update(settings)
        .set({ value, version: sql`${settings.version} + 1`, ...meta })
        .where(and(eq(settings.key, input.key), eq(settings.version, input.version)))
        .returning({ version: settings.version });
    }
    if (!saved) throw stale();
    // The deadline is versioned: quarters whose reporting has opened keep theirs.
    const appliesFrom = input.key === "reportDeadlineDays" ? await setDeadlineDaysFromNextQuarter(tx, actor.id, value as number) : null;
    await writeAudit(tx, actor, {
      action: "settings.update",
      entity: "setting",
      entityId: input.key,
      before: { value: row ? row.value : def.default, version: row?.version ?? 0 },
      after: { value, version: saved.version, ...(appliesFrom ? { appliesFrom } : {}) },
    });
    return { key: input.key, value, version: saved.version, appliesFrom };
  });
}
