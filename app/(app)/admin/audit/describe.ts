/**
 * An audit entry in words: a pure renderer from (action, entity, before/after) to one sentence
 * in the page's language ("张三 将案件 #12 从 调查核实 改为 作出问责决定") and the changed fields
 * with their names and values in words. The search (server/services/audit/search-words.ts)
 * matches the same words, read from the same tables (lib/audit-words.ts).
 */
import { formatDate, formatDateTime } from "~/app/_lib/format-date";
import { formatQuarter } from "~/lib/quarter";
import { enumWords, labelKeys, sentenceKey } from "~/lib/audit-words";
import { pageOfPath } from "~/lib/pages";
import { diffEntries } from "./diff";

export type Words = {
  (key: string, values?: Record<string, string | number>): string;
  has: (key: string) => boolean;
};

export type DescribableEntry = {
  action: string;
  entity: string;
  entityId: string | null;
  unitName: string | null;
  actorUsername: string | null;
  actorDisplayName: string | null;
  before: unknown;
  after: unknown;
};

/** Names the page already knows (unit tree, indicator catalogue), so ids and codes read as names. */
export type Lookups = { unitName?: (id: number) => string | undefined; indicatorName?: (code: string) => string | undefined };

const obj = (v: unknown): Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const str = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
const quarterLike = /^\d{4}Q[1-4]$/;
const dayLike = /^\d{4}-\d{2}-\d{2}$/;
const timeLike = /^\d{4}-\d{2}-\d{2}T/;
const unitFields = new Set(["unitId", "parentId"]);

function firstLabel(t: Words, keys: string[]): string | undefined {
  for (const k of keys) if (t.has(k)) return t(k);
  return undefined;
}

/** A field's name in words ("status" → 状态; values.L1_x → the indicator's name). */
export function fieldWords(t: Words, path: string, lookups: Lookups = {}): string {
  const [head, ...rest] = path.split(".");
  if (head === "values" && rest.length > 0) return lookups.indicatorName?.(rest.join(".")) ?? t("auditWords.fields.values");
  const last = path.split(".").pop() ?? path;
  const key = last === "path" && head !== "path" ? "path_" : last;
  return t.has(`auditWords.fields.${key}`)
    ? t(`auditWords.fields.${key}`)
    : t.has(`auditWords.fields.${head}`)
      ? t(`auditWords.fields.${head}`)
      : path;
}

/** A value in words: codes as their labels, quarters and dates in the page's format, yes/no, unit ids as names. */
export function valueWords(t: Words, locale: string, entity: string, field: string, value: unknown, lookups: Lookups = {}): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return t(value ? "auditWords.yes" : "auditWords.no");
  const last = field.split(".").pop() ?? field;
  if (unitFields.has(last) && typeof value === "number") return lookups.unitName?.(value) ?? `#${value}`;
  if (Array.isArray(value))
    return value
      .map((v) => valueWords(t, locale, entity, last === "units" || last === "added" || last === "dropped" ? "unitId" : field, v, lookups))
      .join("、");
  if (typeof value === "string") {
    const words = enumWords(entity, last);
    if (words && t.has(`${words.prefix}.${value}`)) return t(`${words.prefix}.${value}`);
    if (quarterLike.test(value)) return formatQuarter(value, locale);
    if (dayLike.test(value)) return formatDate(value, locale);
    if (timeLike.test(value)) return formatDateTime(value, locale);
    return value;
  }
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : value.toFixed(1);
  return JSON.stringify(value);
}

function actorWords(t: Words, e: DescribableEntry): string {
  if (e.actorDisplayName) return e.actorDisplayName;
  if (e.actorUsername) return e.actorUsername;
  const typed = str(obj(e.after).username);
  if (e.action.startsWith("auth")) return typed ? `${t("auditWords.anonymous")}（${typed}）` : t("auditWords.anonymous");
  return t("auditWords.system");
}

function targetWords(t: Words, locale: string, e: DescribableEntry, lookups: Lookups): string {
  const b = obj(e.before);
  const a = obj(e.after);
  const pick = (k: string) => a[k] ?? b[k];
  const id = e.entityId ?? "";
  const unit = e.unitName ?? "";
  switch (e.entity) {
    case "report": {
      const q = str(pick("quarter"));
      return t("auditWords.targets.report", { unit, quarter: q ? formatQuarter(q, locale) : "" });
    }
    case "case":
    case "inspection":
      return t(`auditWords.targets.${e.entity}`, { id });
    case "meeting": {
      const type = str(pick("type"));
      const date = str(pick("date"));
      if (!type || !date) return t("auditWords.targets.meetingBare", { id });
      return t("auditWords.targets.meeting", {
        unit,
        date: formatDate(date, locale),
        type: valueWords(t, locale, "meeting", "type", type),
      });
    }
    case "review_meeting": {
      const title = str(pick("title"));
      const kind = pick("kind") === "duty_review" ? "duty_review" : "review_meeting";
      return title ? t(`auditWords.targets.${kind}`, { title }) : t(`auditWords.targets.${kind}Bare`, { id });
    }
    case "officer": {
      const name = str(pick("name"));
      return name
        ? t("auditWords.targets.officer", { name })
        : t("auditWords.targets.other", { entity: t("auditWords.entities.officer"), id });
    }
    case "assessmentCycle":
      return t("auditWords.targets.assessmentCycle", { year: id });
    case "appraisal":
    case "assessment_comment":
    case "assessmentGrade":
    case "duty_report": {
      // A unit's year: the id is "<year>/<unit>" or "<year>:<unit>" (a duty report: its row id, the year in the row).
      const yearly = /^(\d{4})[:/](\d+)$/.exec(id);
      const rowYear = pick("year");
      const year = yearly?.[1] ?? (typeof rowYear === "number" ? String(rowYear) : "");
      const unitName = unit || (yearly ? lookups.unitName?.(Number(yearly[2])) : undefined) || "";
      const entity = firstLabel(t, labelKeys("entities", e.entity)) ?? e.entity;
      return year ? t("auditWords.targets.yearly", { unit: unitName, year, entity }) : t("auditWords.targets.other", { entity, id });
    }
    case "unit":
      return t("auditWords.targets.unit", { name: str(pick("name")) ?? unit ?? lookups.unitName?.(Number(id)) ?? `#${id}` });
    case "user":
      return t("auditWords.targets.user", { name: str(pick("displayName")) ?? str(pick("username")) ?? `#${id}` });
    case "indicator":
      return t("auditWords.targets.indicator", {
        name: lookups.indicatorName?.(id) ?? str(pick(locale.startsWith("zh") ? "nameZh" : "nameEn")) ?? id,
      });
    case "category":
      return t("auditWords.targets.category", { name: t.has(`categories.${id}`) ? t(`categories.${id}`) : id });
    case "setting":
      return t("auditWords.targets.setting", { name: t.has(`auditWords.settingNames.${id}`) ? t(`auditWords.settingNames.${id}`) : id });
    case "procedure": {
      // A refused call names the procedure (and the page it came from, when known).
      const called = procedureWords(t, id);
      const page = str(pick("page"));
      if (!page) return called;
      const known = pageOfPath(page);
      return t("assessmentWalk.audit.onPage", { target: called, page: known ? t(known.label) : page, path: page });
    }
    default: {
      const entity = firstLabel(t, labelKeys("entities", e.entity)) ?? e.entity;
      return id ? t("auditWords.targets.other", { entity, id }) : entity;
    }
  }
}

/** A procedure in words: its action's words when it writes, else the area and "查看"/"修改". */
function procedureWords(t: Words, id: string): string {
  const label = firstLabel(t, labelKeys("actions", id));
  if (label) return t("auditWords.targets.procedure", { name: label });
  const [area = "other", verb = ""] = id.split(/[./]/);
  const areaWords = t.has(`auditWords.procedureAreas.${area}`)
    ? t(`auditWords.procedureAreas.${area}`)
    : t("auditWords.procedureAreas.other");
  const reads =
    /^(get|list|tree|search|overview|flags|completion|heatmap|quadrant|categories|checkMinutes|sourceOptions|summary|record|grades|simulate|preview)/.test(
      verb,
    );
  return t("auditWords.procedureAccess", { area: areaWords, what: t(`auditWords.procedureWhat.${reads ? "read" : "write"}`) });
}

export type ChangeLine = { path: string; field: string; before: string; after: string };

/** Bookkeeping a write stamps on its row (who/when, version, tree path): not a change the user made. */
const bookkeeping = /(^|\.)(version|path|depth|updatedBy|updatedAt|createdBy|createdAt)$/;

/** The fields an entry changed, in words (bookkeeping — versions, who/when stamps, tree paths — left out of the summary). */
export function changeLines(t: Words, locale: string, e: DescribableEntry, lookups: Lookups = {}): ChangeLine[] {
  // A creation, a sign-in or a seed has nothing "before": the sentence says it all, the details show the rest.
  if (e.before === null || e.before === undefined) return [];
  return diffEntries(e.before, e.after)
    .filter((r) => r.changed && !bookkeeping.test(r.path))
    .map((r) => ({
      path: r.path,
      field: fieldWords(t, r.path, lookups),
      before: valueWords(t, locale, e.entity, r.path, r.before, lookups),
      after: valueWords(t, locale, e.entity, r.path, r.after, lookups),
    }));
}

/** The entry as one sentence of the page's language. */
export function describeAudit(t: Words, locale: string, e: DescribableEntry, lookups: Lookups = {}): string {
  const actor = actorWords(t, e);
  const target = targetWords(t, locale, e, lookups);
  const b = obj(e.before);
  const a = obj(e.after);
  const from = valueWords(t, locale, e.entity, "status", b.status, lookups);
  let to = valueWords(t, locale, e.entity, "status", a.status, lookups);
  if (typeof a.active === "boolean") to = t(`auditWords.activate.${String(a.active)}`);
  // Counts the entry carries (an import's 新增/修改/不变) may appear in its sentence.
  const counts = Object.fromEntries(Object.entries(a).filter((kv): kv is [string, number] => typeof kv[1] === "number"));
  if (t.has(sentenceKey(e.action))) return t(sentenceKey(e.action), { ...counts, actor, target, from, to });
  const verb = firstLabel(t, labelKeys("actions", e.action));
  return verb ? t("auditWords.sentences.fallback", { actor, verb, target }) : t("auditWords.sentences.fallbackNoVerb", { actor, target });
}
