"use client";

import { useDashboardFilters } from "~/app/_components/charts/use-dashboard-filters";

/** A unit's name that makes it the quadrant's subtree root (a server navigation, dimming the cards meanwhile). */
export function DrillButton({ unitId, title, children }: { unitId: number; title: string; children: React.ReactNode }) {
  const { setUnit } = useDashboardFilters();
  return (
    <button type="button" className="text-left text-party hover:underline" title={title} onClick={() => setUnit(unitId)}>
      {children}
    </button>
  );
}
