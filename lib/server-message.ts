import { createTranslator } from "next-intl";
import en from "~/messages/en/server.json";
import zh from "~/messages/zh-CN/server.json";
import { formatDate } from "~/lib/format-date";
import { localiseMessage } from "~/lib/localise-message";
import { forFormatter } from "~/i18n/precompile";

/**
 * Server messages (errors, field errors, import-job results) are keys into
 * messages/<locale>/server.json, rendered through next-intl: `m("case.notFound", { id })`.
 *
 * `m` returns the text a caller without a UI language gets, as always: "中文（English）", the
 * English as written (lower-case start). `localiseServerMessage(text, locale)` — used by the
 * tRPC error formatter, the field errors and the file routes — renders the same key and values
 * in the caller's language instead: Chinese alone, or the English with a capital first letter.
 * A text that did not come from `m` in this process (e.g. one stored in the database before a
 * restart) falls back to splitting it (localiseMessage): the result is the same.
 */
type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type ServerMessageKey = Leaves<(typeof zh)["server"]>;
/** A calendar day in a message, written in each language's one date format (2020年1月28日 / 2020-01-28): `day(x)`. */
export class MessageDay {
  constructor(readonly value: string | Date) {}
  toString() {
    return formatDate(this.value, "zh-CN");
  }
}
export const day = (value: string | Date) => new MessageDay(value);

export type ServerMessageValues = Record<string, string | number | bigint | boolean | MessageDay | null | undefined>;

// A key or value missing is a mistake in the code (tests/unit/server-messages.test.ts checks every call): say so loudly.
const onError = (error: Error) => {
  throw error;
};
const translators = {
  "zh-CN": createTranslator({ locale: "zh-CN", messages: forFormatter(zh), namespace: "server", onError }),
  en: createTranslator({ locale: "en", messages: forFormatter(en), namespace: "server", onError }),
};

function render(locale: keyof typeof translators, key: ServerMessageKey, values?: ServerMessageValues): string {
  // Values as text: a number reads exactly as it did in the template literal (no grouping).
  const text = values
    ? Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v instanceof MessageDay ? formatDate(v.value, locale) : String(v)]))
    : undefined;
  return (translators[locale] as unknown as (k: string, v?: Record<string, string>) => string)(key, text);
}

/** The messages `m` produced lately, by text: their key and values, to render in another language. */
const produced = new Map<string, { key: ServerMessageKey; values?: ServerMessageValues }>();
const MAX_REMEMBERED = 5000;

/** A server message, "中文（English）" (both halves: the caller's language is chosen when it is sent). */
export function m(key: ServerMessageKey, values?: ServerMessageValues): string {
  const text = `${render("zh-CN", key, values)}（${render("en", key, values)}）`;
  if (!produced.has(text)) {
    if (produced.size >= MAX_REMEMBERED) produced.delete(produced.keys().next().value!);
    produced.set(text, { key, values });
  }
  return text;
}

/** A server message in the caller's UI language; both halves when it is unknown. */
export function localiseServerMessage(message: string, locale: string | null | undefined): string {
  if (!locale) return message;
  const keyed = produced.get(message);
  if (!keyed) return localiseMessage(message, locale);
  if (locale.startsWith("zh")) return render("zh-CN", keyed.key, keyed.values);
  const english = render("en", keyed.key, keyed.values);
  return english.charAt(0).toUpperCase() + english.slice(1);
}
