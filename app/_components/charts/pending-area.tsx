"use client";

import { PendingBox } from "~/app/_components/ui/pending-box";
import { useDashboardFilters } from "./use-dashboard-filters";

/**
 * The part of a server-rendered dashboard that shows data for the filters: dimmed and `aria-busy`
 * while a filter change's new server render is on its way (the old data stays on screen meanwhile),
 * as the React Query pages dim their placeholder data. Its children may be server components.
 */
export function PendingArea({ className, children }: { className?: string; children: React.ReactNode }) {
  const { pending } = useDashboardFilters();
  return (
    <PendingBox pending={pending} className={className}>
      {children}
    </PendingBox>
  );
}
