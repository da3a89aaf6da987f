import "server-only";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import { settings } from "~/db/schema";
import { settingDefinitions, type SettingKey, type SettingValue } from "./definitions";

/** A setting's stored value, or its default when unset (or stored in an outdated shape). */
export async function getSetting<K extends SettingKey>(db: Db | Tx, key: K): Promise<SettingValue<K>> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).limit(1);
  const def = settingDefinitions[key];
  const parsed = row ? def.schema.safeParse(row.value) : null;
  return (parsed?.success ? parsed.data : def.default) as SettingValue<K>;
}
