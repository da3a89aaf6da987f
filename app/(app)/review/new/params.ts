import { createLoader, createSerializer, parseAsStringLiteral } from "nuqs/server";
import { includeValues } from "~/app/_components/charts/filter-params";
import { unitQuarterParsers } from "~/app/_lib/quarter-params";

/** `?unit=&quarter=&include=` of the new review page: which reports its proposed agenda counts (default approved only). */
const reviewNewParsers = { ...unitQuarterParsers, include: parseAsStringLiteral(includeValues).withDefault("approved") };
export const loadReviewInclude = createLoader({ include: reviewNewParsers.include });
/** The page's URL for a unit, quarter and inclusion (all three written out, the default too). */
export const reviewNewHref = createSerializer(reviewNewParsers, { clearOnDefault: false });
