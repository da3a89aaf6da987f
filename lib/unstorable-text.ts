import { m } from "~/lib/server-message";
/**
 * Text PostgreSQL cannot take: U+0000 (refused in text, jsonb and query parameters) and
 * unpaired UTF-16 surrogates (a lone "\ud800" is refused in jsonb, e.g. by the audit log). Either
 * would surface as a failed query — a 500 — long after validation; this finds the first string
 * holding one, so the request can be refused up front, naming the field.
 *
 * Returns the field's path ("values.0.indicatorCode", "" for the input itself) and the reason, or null.
 */
export type UnstorableText = { path: string; reason: "nul" | "surrogate" };

export function unstorableText(value: unknown, path: string[] = [], seen = new WeakSet<object>()): UnstorableText | null {
  if (typeof value === "string") {
    if (value.includes("\u0000")) return { path: path.join("."), reason: "nul" };
    return value.isWellFormed() ? null : { path: path.join("."), reason: "surrogate" };
  }
  if (value === null || typeof value !== "object" || seen.has(value) || path.length > 32) return null;
  seen.add(value);
  const entries: [string, unknown][] =
    value instanceof Map
      ? [...value.entries()].flatMap(([k, v], i): [string, unknown][] => [
          [`${i}`, k],
          [typeof k === "string" ? k : `${i}`, v],
        ])
      : value instanceof Set
        ? [...value].map((v, i): [string, unknown] => [`${i}`, v])
        : Object.entries(value);
  for (const [key, inner] of entries) {
    const badKey = unstorableText(key, [...path, "(key)"]);
    if (badKey) return badKey;
    const found = unstorableText(inner, [...path, key], seen);
    if (found) return found;
  }
  return null;
}

export const unstorableTextMessage = {
  nul: m("unstorableText.textMustNotContainNulCharacters"),
  surrogate: m("unstorableText.textContainsAnUnpairedSurrogate"),
} as const;
