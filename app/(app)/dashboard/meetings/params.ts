import { createLoader, createParser, parseAsStringLiteral } from "nuqs/server";
import { flagKinds, type FlagKind } from "~/lib/codes";

/** The flags card's page, from 1; past `meeting.flagsPage`'s reach (offset ≤ 10,000,000) it is not a page. */
const parseAsFlagsPage = createParser({
  parse: (v) => (/^[1-9]\d{0,5}$/.test(v) ? Number(v) : null),
  serialize: (v: number) => String(v),
});

/**
 * The formalism flags card's place in the URL (会议质量): the kind chip `fkind` and the page `fpage`,
 * so the back button from a unit or a meeting returns to the page and kind the leader was reading.
 * Left out when they are the first page of all kinds.
 */
export const flagsPageParsers = {
  fkind: parseAsStringLiteral(flagKinds),
  fpage: parseAsFlagsPage,
};

/** The card's URL params: a change of the page's filters starts them again (DashboardFiltersProvider `resetKeys`). */
export const flagsPlaceKeys = Object.keys(flagsPageParsers) as (keyof typeof flagsPageParsers)[];

/** Flags a page of the card shows. */
export const FLAGS_PAGE_SIZE = 25;

/** The page's place read from the URL on the server (to prefetch the very page the card asks for). */
export const loadFlagsPlace = createLoader(flagsPageParsers);

/** `meeting.flagsPage`'s input for a range at a place: the card's query and the page's prefetch are one call. */
export const flagsPageInput = (range: { unitId: number; from: string; to: string }, kind: FlagKind | null, page: number | null) => ({
  ...range,
  kind: kind ?? undefined,
  offset: ((page ?? 1) - 1) * FLAGS_PAGE_SIZE,
  limit: FLAGS_PAGE_SIZE,
});

/**
 * Above this many flags in the range (of the chosen kind), the page does not wait for the flags
 * card's page on the server: the card streams in after the rest of the page (its own Suspense boundary). A leader's page is
 * located from the rollup (server/services/meeting/flags-page.ts): 16–24 ms p50 at a 20,000-unit
 * root (27,000 flags over four quarters), but its cost grows with the units of the subtree, and
 * at 100,000 units (139,000 flags) it is not measured; staff's own unit sorts its few flags. The
 * flag count stands in for the subtree's size (docs/performance.md).
 */
export const FLAGS_READ_WITH_PAGE_MAX = 50_000;

/** Whether the page reads the flags card's page with it, given the range's flag counts (`dashboard.meetingQuality`). */
export function flagsReadWithPage(counts: { total: number; kinds: Partial<Record<FlagKind, number>> }, kind: FlagKind | null): boolean {
  const flags = kind ? (counts.kinds[kind] ?? 0) : counts.total;
  return flags <= FLAGS_READ_WITH_PAGE_MAX;
}
