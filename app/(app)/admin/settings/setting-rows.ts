import type { SettingKey, SettingRow } from "~/app/_lib/api-types";

export type { SettingRow };
export type Setting<K extends SettingKey> = Extract<SettingRow, { key: K }>;

/** The row of one setting among `settings.get`'s (read by the page on the server). */
export const pick = <K extends SettingKey>(rows: SettingRow[], key: K) => rows.find((r): r is Setting<K> => r.key === key);
