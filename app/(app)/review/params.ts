import { createLoader, createSerializer } from "nuqs/server";
import { parseAsPositiveId } from "~/app/_lib/url-params";

/** `?unit=` of the review meetings list (default the user's unit). */
const reviewListParsers = { unit: parseAsPositiveId };
export const loadReviewList = createLoader(reviewListParsers);
const serializeReviewList = createSerializer(reviewListParsers);
export const reviewListHref = (unitId: number) => serializeReviewList("/review", { unit: unitId });
