import fs from "node:fs/promises";
import path from "node:path";
import { readEnv } from "~/env";
import type { Locale } from "./locales";
import { forFormatter } from "./precompile";

type Messages = Record<string, unknown>;
const cache = new Map<Locale, Promise<Messages>>();

/**
 * The messages of a locale: every `messages/<locale>/<namespace>.json`, merged. One file per
 * area keeps features from editing the same file. `server.json` is left out: the server's own
 * messages (errors, field errors) are rendered on the server (lib/server-message.ts), and no page
 * needs them in its bundle.
 */
export function loadMessages(locale: Locale): Promise<Messages> {
  let loaded = cache.get(locale);
  if (!loaded) {
    loaded = (async () => {
      const dir = path.join(process.cwd(), "messages", locale);
      const files = (await fs.readdir(dir)).filter((f) => f.endsWith(".json") && f !== "server.json").sort();
      const parts = await Promise.all(files.map(async (f) => JSON.parse(await fs.readFile(path.join(dir, f), "utf8")) as Messages));
      return Object.assign({}, ...parts) as Messages;
    })();
    if (readEnv().NODE_ENV === "production") cache.set(locale, loaded);
  }
  return loaded;
}

const formatted = new Map<Locale, Promise<Messages>>();

/**
 * The messages of a locale as next-intl's formatter in this process takes them (compiled ahead
 * in the app's build, i18n/precompile.ts): for the request config and the server translators.
 * `loadMessages` keeps the text as written, for code that reads it (the audit search words).
 */
export function loadFormatterMessages(locale: Locale): Promise<Messages> {
  let loaded = formatted.get(locale);
  if (!loaded) {
    loaded = loadMessages(locale).then(forFormatter);
    if (readEnv().NODE_ENV === "production") formatted.set(locale, loaded);
  }
  return loaded;
}
