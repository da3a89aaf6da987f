import { createSerializer, parseAsStringLiteral } from "nuqs/server";
import { dutyReportStatuses } from "~/lib/codes";
import { assessmentParsers } from "../params";

/** URL filters of the 述职报告 tab: the year and subtree as every assessment tab, and a status (the to-do's 待审核 link). */
export const dutyParsers = {
  ...assessmentParsers,
  status: parseAsStringLiteral(dutyReportStatuses),
};

/** The URL of the duty reports list with these filters. */
export const dutyHref = createSerializer(dutyParsers);
