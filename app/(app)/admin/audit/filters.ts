import { createLoader, createParser, createSerializer } from "nuqs/server";

/** The audit filters as they live in the URL (shareable): ?q=&unit=&user=&action=&from=&to= */
export type AuditFilters = { q?: string; unitId?: number; username?: string; action?: string; from?: string; to?: string };

export const PAGE_SIZE = 50;

/** Free text: trimmed, and absent when empty. */
const parseAsText = createParser({ parse: (v) => v.trim() || null, serialize: (v: string) => v });
/** The unit: a positive whole number. */
const parseAsUnit = createParser({
  parse: (v) => {
    const n = Number(v.trim());
    return Number.isInteger(n) && n > 0 ? n : null;
  },
  serialize: (v: number) => String(v),
});
const auditSearchParsers = {
  q: parseAsText,
  unit: parseAsUnit,
  user: parseAsText,
  action: parseAsText,
  from: parseAsText,
  to: parseAsText,
};
const loadAuditSearch = createLoader(auditSearchParsers);
const serializeAuditSearch = createSerializer(auditSearchParsers);
const given = <T>(v: T | null) => v ?? undefined;

export function filtersFromSearch(sp: Record<string, string | string[] | undefined>): AuditFilters {
  const s = loadAuditSearch(sp);
  return {
    q: given(s.q),
    unitId: given(s.unit),
    username: given(s.user),
    action: given(s.action),
    from: given(s.from),
    to: given(s.to),
  };
}

/** `?q=…&unit=…` for these filters, or "" when there are none. */
export const filtersToSearch = (f: AuditFilters): string =>
  serializeAuditSearch({
    q: f.q || null,
    unit: f.unitId || null,
    user: f.username || null,
    action: f.action || null,
    from: f.from || null,
    to: f.to || null,
  });

/** `audit.search`'s input for one filter set. */
export const searchInput = (f: AuditFilters) => ({ ...f, limit: PAGE_SIZE });

/** How many pages of entries “加载更多” has reached (`?pages=`, from 1); past 100 (5,000 entries) it is not a page. */
const parseAsPages = createParser({
  parse: (v) => (/^[1-9]\d?$|^100$/.test(v) ? Number(v) : null),
  serialize: (v: number) => String(v),
});
const auditPagesParsers = { pages: parseAsPages };
const loadAuditPages = createLoader(auditPagesParsers);
const serializeAuditPages = createSerializer(auditPagesParsers);

/** The pages of entries the URL asks for (1 when it does not say). */
export const pagesFromSearch = (sp: Record<string, string | string[] | undefined>): number => loadAuditPages(sp).pages ?? 1;

/** The log with these filters, `pages` pages of entries long (“加载更多” asks for one page more). */
export const auditHref = (f: AuditFilters, pages = 1): string =>
  serializeAuditPages(`/admin/audit${filtersToSearch(f)}`, { pages: pages > 1 ? pages : null });
