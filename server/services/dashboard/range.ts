import { badInput } from "~/server/errors";
import { quarterRange } from "~/lib/quarter";
import { m } from "~/lib/server-message";

/** The quarters of a dashboard range, or a field message for a reversed or too long one. */
export function checkedRange(from: string, to: string): string[] {
  if (from > to) throw badInput({ from: m("dashboard.fromMustNotBeAfterTo") });
  const quarters = quarterRange(from, to);
  if (quarters.length > 40) throw badInput({ from: m("dashboard.rangeTooLong") });
  return quarters;
}
