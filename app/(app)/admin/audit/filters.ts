/** The audit filters as they live in the URL (shareable): ?q=&unit=&user=&action=&from=&to= */
export type AuditFilters = { q?: string; unitId?: number; username?: string; action?: string; from?: string; to?: string };

export const PAGE_SIZE = 50;

const text = (v: string | string[] | undefined) => {
  const s = (Array.isArray(v) ? v[0] : v)?.trim();
  return s ? s : undefined;
};

export function filtersFromSearch(sp: Record<string, string | string[] | undefined>): AuditFilters {
  const unit = Number(text(sp.unit));
  return {
    q: text(sp.q),
    unitId: Number.isInteger(unit) && unit > 0 ? unit : undefined,
    username: text(sp.user),
    action: text(sp.action),
    from: text(sp.from),
    to: text(sp.to),
  };
}

export function filtersToSearch(f: AuditFilters): string {
  const params = new URLSearchParams();
  if (f.q) params.set("q", f.q);
  if (f.unitId) params.set("unit", String(f.unitId));
  if (f.username) params.set("user", f.username);
  if (f.action) params.set("action", f.action);
  if (f.from) params.set("from", f.from);
  if (f.to) params.set("to", f.to);
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** The search input for one filter set; the same object on the server and in the browser, so the prefetch is reused. */
export const searchInput = (f: AuditFilters) => ({ ...f, limit: PAGE_SIZE });
