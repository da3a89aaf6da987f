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

/** The search input for one filter set; the same object on the server and in the browser, so the prefetch is reused. */
export const searchInput = (f: AuditFilters) => ({ ...f, limit: PAGE_SIZE });
