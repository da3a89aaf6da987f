import { createParser, parseAsStringLiteral } from "nuqs/server";
import { flagKinds } from "~/lib/codes";

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
