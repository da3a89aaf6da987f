"use client";

import { useTranslations } from "next-intl";
import { useDashboardFilters } from "./use-dashboard-filters";

/** The path from the user's own unit down to the dashboard's subtree root; each step moves the root back up. */
export function Breadcrumb({ items }: { items: { id: number; name: string }[] }) {
  const t = useTranslations("charts");
  const { setUnit } = useDashboardFilters();
  return (
    <nav aria-label={t("breadcrumb")} data-testid="dashboard-breadcrumb">
      <ol className="flex flex-wrap items-center gap-1 text-sm">
        {items.map((u, i) => {
          const last = i === items.length - 1;
          return (
            <li key={u.id} className="flex items-center gap-1">
              {i > 0 ? (
                <span aria-hidden className="text-neutral-400">
                  ›
                </span>
              ) : null}
              {last ? (
                <span aria-current="page" className="font-medium text-neutral-900">
                  {u.name}
                </span>
              ) : (
                <button type="button" className="text-party hover:underline" onClick={() => setUnit(u.id)}>
                  {u.name}
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
