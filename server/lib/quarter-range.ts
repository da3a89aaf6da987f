import { badInput } from "~/server/errors";
import { maxRangeQuarters, quarterRange } from "~/lib/quarter";

/** The quarters of a dashboard range (overview, meeting quality, cases), or a field message on `from` for a reversed or too long one. */
export function checkedRange(from: string, to: string): string[] {
  if (from > to) throw badInput({ from: "起始季度不能晚于结束季度（from must not be after to）" });
  const quarters = quarterRange(from, to);
  if (quarters.length > maxRangeQuarters) throw badInput({ from: `季度范围不能超过 ${maxRangeQuarters} 个季度（range too long）` });
  return quarters;
}
