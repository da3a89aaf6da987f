import "server-only";
import { and, eq, ilike, inArray, like, or, sql, type SQL } from "drizzle-orm";
import { auditLog, units, users } from "~/db/schema";
import { locales } from "~/i18n/locales";
import { loadMessages } from "~/i18n/messages";
import { entityCodes, enumFields, enumWords, labelKeys } from "~/lib/audit-words";
import { escapeLike } from "~/lib/like-pattern";

/**
 * The audit search by the words a person reads on the page ("张三 调查核实", "case #12"): each
 * word is turned back into the codes it names — actors and units by name, entities, actions
 * and field values (状态 调查核实 → `status: investigating`) by their labels in either
 * language — and an entry matches when every word names something in it. Each alternative
 * is an indexed condition (actor_id, unit_id, entity, action, jsonb containment under GIN), so
 * a search never reads the rows' text: see docs/decisions.md "The audit log reads in words".
 */

type Messages = Record<string, unknown>;

function lookup(messages: Messages, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** Every label of every language for a key list (first found per language). */
function labels(all: Messages[], keys: string[]): string[] {
  return all.flatMap((m) => {
    for (const k of keys) {
      const v = lookup(m, k);
      if (v) return [v.toLowerCase()];
    }
    return [];
  });
}

/** The leaf keys under `adminAudit.actions` and `auditWords.actions` ("case.create", …). */
function actionCodes(all: Messages[]): string[] {
  const out = new Set<string>();
  for (const m of all) {
    for (const root of ["adminAudit.actions", "auditWords.actions"]) {
      const groups = root.split(".").reduce<unknown>((n, p) => (n as Record<string, unknown> | undefined)?.[p], m);
      for (const [g, verbs] of Object.entries((groups ?? {}) as Record<string, unknown>)) {
        for (const v of Object.keys(verbs ?? {})) out.add(`${g}.${v}`);
      }
    }
  }
  return [...out];
}

type Dictionary = {
  entities: { code: string; words: string[] }[];
  actions: { code: string; words: string[] }[];
  values: { entity: string | null; field: string; code: string; words: string[] }[];
};

let dictionary: Promise<Dictionary> | null = null;

async function buildDictionary(): Promise<Dictionary> {
  const all = await Promise.all(locales.map((l) => loadMessages(l)));
  const entities = entityCodes.map((code) => ({ code, words: labels(all, labelKeys("entities", code)) }));
  const actions = actionCodes(all).map((code) => ({ code, words: labels(all, labelKeys("actions", code)) }));
  const values = enumFields.flatMap(({ entity, field }) => {
    const words = enumWords(entity ?? "", field);
    if (!words) return [];
    return words.codes.map((code) => ({ entity, field, code, words: labels(all, [`${words.prefix}.${code}`]) }));
  });
  return { entities, actions, values };
}

const contains = (words: string[], token: string) => words.some((w) => w.includes(token));
const jsonHas = (field: string, code: string) => {
  const probe = JSON.stringify({ [field]: code });
  return or(sql`${auditLog.before} @> ${probe}::jsonb`, sql`${auditLog.after} @> ${probe}::jsonb`)!;
};

/** What one search word can mean; an entry matches the word when any of these holds. */
async function wordCondition(token: string): Promise<SQL> {
  if (!dictionary || process.env.NODE_ENV !== "production") dictionary = buildDictionary();
  const dict = await dictionary;
  const lower = token.toLowerCase();
  const pattern = `%${escapeLike(token)}%`;
  const alternatives: SQL[] = [
    inArray(auditLog.actorId, sqlIds(users.id, or(ilike(users.displayName, pattern), ilike(users.username, pattern))!)),
    inArray(auditLog.unitId, sqlIds(units.id, ilike(units.name, pattern))),
    // A name typed at a failed sign-in has no account: it is kept in `after`.
    sql`${auditLog.after} @> ${JSON.stringify({ username: token })}::jsonb`,
  ];
  const number = /^#?(\d{1,12})$/.exec(token);
  if (number) alternatives.push(eq(auditLog.entityId, number[1]!));
  if (/^[a-z_]+(\.[a-zA-Z]*)?$/.test(token)) alternatives.push(like(auditLog.action, `${escapeLike(token)}%`));

  const entities = dict.entities.filter((e) => contains(e.words, lower)).map((e) => e.code);
  if (entities.length > 0) alternatives.push(inArray(auditLog.entity, entities));
  const actions = dict.actions.filter((a) => contains(a.words, lower)).map((a) => a.code);
  if (actions.length > 0) alternatives.push(inArray(auditLog.action, actions));
  for (const v of dict.values.filter((x) => contains(x.words, lower))) {
    alternatives.push(v.entity ? and(eq(auditLog.entity, v.entity), jsonHas(v.field, v.code))! : jsonHas(v.field, v.code));
  }
  return or(...alternatives)!;
}

function sqlIds(column: typeof users.id | typeof units.id, where: SQL) {
  return sql`(select ${column} from ${column.table} where ${where})`;
}

/** The words of a search box: split on spaces (Chinese or Latin), at most 6, each 1–40 characters. */
export function searchTokens(q: string | undefined): string[] {
  return (q ?? "")
    .split(/[\s\u3000,，、]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .slice(0, 6)
    .map((s) => s.slice(0, 40));
}

/** Every word must name something in the entry. */
export async function wordsCondition(q: string | undefined): Promise<SQL | undefined> {
  const tokens = searchTokens(q);
  if (tokens.length === 0) return undefined;
  return and(...(await Promise.all(tokens.map(wordCondition))));
}
