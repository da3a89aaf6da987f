import { createParser } from "nuqs/server";
import { parseQuarter } from "~/lib/quarter";

/**
 * nuqs parsers for the values the pages keep in their URLs, shared by the server pages (through
 * `createLoader`) and the links and filters of the client (through `createSerializer`). A value
 * that does not parse is ignored, as if absent, rather than an error page.
 */

/** A unit (or row) id: any positive number, rounded down. */
export const parseAsPositiveId = createParser({
  parse: (v) => {
    const n = Number(v);
    return n > 0 ? Math.floor(n) : null;
  },
  serialize: (v: number) => String(v),
});

/** A quarter such as `2026Q3`. */
export const parseAsQuarter = createParser({ parse: (v) => (parseQuarter(v) ? v : null), serialize: (v: string) => v });

/** Yes / no as `1` / `0`. */
export const parseAsOneOrZero = createParser({
  parse: (v) => (v === "1" ? true : v === "0" ? false : null),
  serialize: (v: boolean) => (v ? "1" : "0"),
});
