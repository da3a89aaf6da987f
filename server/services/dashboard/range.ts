import { badInput } from "~/server/errors";
import { quarterRange } from "~/lib/quarter";

/** The quarters of a dashboard range, or a field message for a reversed or too long one. */
export function checkedRange(from: string, to: string): string[] {
  if (from > to) throw badInput({ from: "起始季度不能晚于结束季度（from must not be after to）" });
  const quarters = quarterRange(from, to);
  if (quarters.length > 40) throw badInput({ from: "季度范围不能超过 40 个季度（range too long）" });
  return quarters;
}
