import "server-only";

import { readForPage } from "~/app/_lib/trpc/page-read";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { PAGE_SIZE, searchInput, type AuditFilters } from "./filters";
import { mentions } from "./mentions";

type Entry = RouterOutputs["audit"]["search"]["items"][number];
/** The entries shown and whether the log goes on; the names of the units and indicators they mention. */
export type AuditLogRead = {
  items: Entry[];
  more: boolean;
  unitNames: Record<number, string>;
  indicatorNames: Record<string, string>;
};

/** `audit.search`'s largest page: the pages shown are read in steps of this many. */
const STEP = 100;

/**
 * The first `pages` pages of the log for `filters`, read on the server (following the cursor), with
 * the names the entries' ids and codes read as (“加载更多” asks for the page again, one page longer).
 */
export function readAuditLog(filters: AuditFilters, pages: number, locale: string) {
  return readForPage(async (api): Promise<AuditLogRead> => {
    const items: Entry[] = [];
    let cursor: number | null = null;
    let more = false;
    for (let wanted = pages * PAGE_SIZE; wanted > 0;) {
      const page = await api.audit.search({ ...searchInput(filters), limit: Math.min(STEP, wanted), cursor });
      items.push(...page.items);
      wanted -= page.items.length;
      cursor = page.nextCursor;
      more = cursor !== null;
      if (!more) break;
    }
    const [tree, indicators] = await Promise.all([api.unit.tree(), api.indicator.list()]);
    const mentioned = mentions(items);
    const unitNames = Object.fromEntries(tree.filter((u) => mentioned.has(String(u.id))).map((u) => [u.id, u.name]));
    const indicatorNames = Object.fromEntries(
      indicators.filter((i) => mentioned.has(i.code)).map((i) => [i.code, locale.startsWith("zh") ? i.name : i.nameEn]),
    );
    return { items, more, unitNames, indicatorNames };
  });
}
