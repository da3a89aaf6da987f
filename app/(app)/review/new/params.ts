import { createLoader, createSerializer, parseAsInteger, parseAsStringLiteral } from "nuqs/server";
import { includeValues } from "~/app/_components/charts/filter-params";
import { unitQuarterParsers } from "~/app/_lib/quarter-params";
import { parseAsPositiveId } from "~/app/_lib/url-params";
import { reviewMeetingKinds } from "~/lib/codes";

/** `?unit=&quarter=&include=` of the new review page: which reports its proposed agenda counts (default approved only). */
const reviewNewParsers = { ...unitQuarterParsers, include: parseAsStringLiteral(includeValues).withDefault("approved") };
export const loadReviewInclude = createLoader({ include: reviewNewParsers.include });
/** The page's URL for a unit, quarter and inclusion (all three written out, the default too). */
export const reviewNewHref = createSerializer(reviewNewParsers, { clearOnDefault: false });

/** `?kind=`: which meeting is convened — 问责审议会 (the default) or 述职评议会 (`duty_review`, with `?unit=&year=`). */
const kindParsers = { kind: parseAsStringLiteral(reviewMeetingKinds).withDefault("accountability"), year: parseAsInteger };
export const loadReviewKind = createLoader(kindParsers);
/** The URL of the new 述职评议会 page for a subtree and assessment year. */
export const reviewNewDutyHref = createSerializer({ unit: parseAsPositiveId, ...kindParsers });
