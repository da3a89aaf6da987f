import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { settings, users } from "~/db/schema";
import { assertCapability, type Actor } from "~/server/scope";
import { settingDefinitions, type SettingKey, type SettingValue } from "./definitions";

export const settingKeys = Object.keys(settingDefinitions) as [SettingKey, ...SettingKey[]];

/** A listed setting, one member per key so that a client narrowing on `key` gets that key's value shape. */
export type ListedSetting = {
  [K in SettingKey]: {
    key: K;
    value: SettingValue<K>;
    default: SettingValue<K>;
    version: number;
    updatedAt: Date | null;
    updatedBy: string | null;
  };
}[SettingKey];

/**
 * Every setting with its value (the default when unset), its default, and the row's `version`
 * for the optimistic check of `settings.update` (0 = never saved).
 */
export async function listSettings({ db, actor }: { db: Db; actor: Actor }): Promise<ListedSetting[]> {
  assertCapability(actor, "manageSettings");
  const rows = await db
    .select({
      key: settings.key,
      value: settings.value,
      version: settings.version,
      updatedAt: settings.updatedAt,
      updatedBy: users.displayName,
    })
    .from(settings)
    .leftJoin(users, eq(users.id, settings.updatedBy));
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return settingKeys.map((key) => {
    const def = settingDefinitions[key];
    const row = byKey.get(key);
    const parsed = row ? def.schema.safeParse(row.value) : null;
    return {
      key,
      // A value stored in an outdated shape reads as the default, as getSetting does.
      value: parsed?.success ? parsed.data : def.default,
      default: def.default,
      version: row?.version ?? 0,
      updatedAt: row?.updatedAt ?? null,
      updatedBy: row?.updatedBy ?? null,
    } as ListedSetting;
  });
}
