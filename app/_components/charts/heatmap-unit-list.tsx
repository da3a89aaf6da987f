"use client";

import { formatScore } from "~/app/_lib/categories";
import { heatColor, heatTextColor } from "./heat-scale";
import type { HeatmapUnit } from "./chart-heatmap-units";

/**
 * The heatmap as a list for a phone: one card per unit, its name (drills down), then each
 * column's label beside its score in the heatmap's colour — readable at 390 px without scrolling
 * sideways through a wide grid.
 */
export function HeatmapUnitList(props: {
  units: HeatmapUnit[];
  columns: string[];
  onSelect?: (unit: HeatmapUnit) => void;
  selectLabel?: (name: string) => string;
  label: string;
  testId?: string;
}) {
  return (
    <ul aria-label={props.label} data-testid={props.testId} className="divide-y divide-neutral-100">
      {props.units.map((u) => (
        <li key={u.id} data-unit-id={u.id} className="py-2">
          {props.onSelect ? (
            <button
              type="button"
              className="text-left text-sm font-medium text-party hover:underline"
              title={props.selectLabel?.(u.name)}
              onClick={() => props.onSelect?.(u)}
            >
              {u.name}
            </button>
          ) : (
            <p className="text-sm font-medium">{u.name}</p>
          )}
          <dl className="mt-1 grid grid-cols-2 gap-x-3 gap-y-1 text-xs">
            {props.columns.map((c, i) => (
              <div key={c} className={`flex items-center justify-between gap-2 ${i === 0 ? "col-span-2 font-medium" : ""}`}>
                <dt className="truncate text-neutral-600" title={c}>
                  {c}
                </dt>
                <dd
                  className="num min-w-12 rounded px-1.5 py-0.5 text-right"
                  style={{ background: heatColor(u.values[i] ?? null), color: heatTextColor(u.values[i] ?? null) }}
                >
                  {formatScore(u.values[i] ?? null)}
                </dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ul>
  );
}
