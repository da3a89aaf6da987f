import { createSerializer, parseAsStringLiteral } from "nuqs/server";
import { unitQuarterParsers } from "~/app/_lib/quarter-params";

/** The report page's URL: unit, quarter, and `after=approved` when the reviewer came here from approving the previous one. */
export const reportParsers = { ...unitQuarterParsers, after: parseAsStringLiteral(["approved"] as const) };
export const reportHref = createSerializer(reportParsers);
