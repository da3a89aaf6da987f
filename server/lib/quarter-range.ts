import { badInput } from "~/server/errors";
import { maxRangeQuarters, quarterRange } from "~/lib/quarter";
import { m } from "~/lib/server-message";

/** The quarters of a dashboard range (overview, meeting quality, cases), or a field message on `from` for a reversed or too long one. */
export function checkedRange(from: string, to: string): string[] {
  if (from > to) throw badInput({ from: m("quarterRange.fromMustNotBeAfterTo") });
  const quarters = quarterRange(from, to);
  if (quarters.length > maxRangeQuarters) throw badInput({ from: m("quarterRange.rangeTooLong", { maxRangeQuarters }) });
  return quarters;
}
