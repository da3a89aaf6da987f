import type { RouterOutputs } from "~/app/_lib/trpc/types";

export type AdminUnit = RouterOutputs["unit"]["adminList"][number];

export { pathIds } from "~/lib/unit-hierarchy";

/** <option>s for a unit picker, indented by depth (a select cannot hold real indentation). */
export function UnitOptions({
  units,
  disabled,
  suffix,
}: {
  units: AdminUnit[];
  disabled?: (u: AdminUnit) => boolean;
  suffix?: (u: AdminUnit) => string;
}) {
  const top = Math.min(...units.map((u) => u.depth));
  return units.map((u) => (
    <option key={u.id} value={u.id} disabled={disabled?.(u)}>
      {"\u3000".repeat(u.depth - top)}
      {u.name}
      {suffix?.(u) ?? ""}
    </option>
  ));
}
