import { createSerializer, parseAsInteger } from "nuqs/server";
import { parseAsPositiveId } from "~/app/_lib/url-params";

/** URL filters of the annual-assessment pages: the year (default: the page's own choice) and the subtree root. */
export const assessmentParsers = {
  year: parseAsInteger,
  unit: parseAsPositiveId,
};

/** The URL of an annual-assessment page with these filters. */
export const assessmentHref = createSerializer(assessmentParsers);

/** A unit's assessment year (its duty report, 测评 and 点评 items). */
export const unitYearHref = (unitId: number, year: number) => assessmentHref(`/assessment/units/${unitId}`, { year });
