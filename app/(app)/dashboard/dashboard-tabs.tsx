"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { createLoader, createSerializer, parseAsStringLiteral } from "nuqs/server";
import { dashboardFilterParsers, includeValues } from "~/app/_components/charts/filter-params";
import { cn } from "~/app/_lib/cn";

/** The dashboards that share the URL filters, in tab order. */
export const dashboardTabs = [
  { key: "overview", href: "/dashboard" },
  { key: "quadrant", href: "/dashboard/quadrant" },
  { key: "meetings", href: "/dashboard/meetings" },
  { key: "cases", href: "/cases/dashboard" },
] as const;

/** Filters every dashboard understands; page-only ones (level, cat …) stay behind. `inc` is carried as given, the default too. */
const sharedParsers = {
  unit: dashboardFilterParsers.unit,
  from: dashboardFilterParsers.from,
  to: dashboardFilterParsers.to,
  inc: parseAsStringLiteral(includeValues),
};
const loadShared = createLoader(sharedParsers);
const serializeShared = createSerializer(sharedParsers);
/** The URL of a dashboard (`/dashboard…`, `/cases/dashboard`) with these shared filters (and nothing else). */
export const dashboardHref = serializeShared;

/** The link to a dashboard tab carrying the shared filters of the current URL. */
export const tabHref = (href: string, current: URLSearchParams): string => serializeShared(href, loadShared(current));

/** Sub-navigation between the dashboards (总览 / 重业务轻党建 / 会议质量 / 问责统计). */
export function DashboardTabs() {
  const t = useTranslations("dashboardTabs");
  const pathname = usePathname();
  const params = useSearchParams();
  return (
    <nav aria-label={t("label")} className="border-b border-neutral-200" data-testid="dashboard-tabs">
      <ul className="-mb-px flex flex-wrap gap-1 text-sm">
        {dashboardTabs.map((tab) => {
          const active = pathname === tab.href;
          return (
            <li key={tab.key}>
              <Link
                href={tabHref(tab.href, params)}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "inline-block border-b-2 px-3 py-1.5",
                  active
                    ? "border-party font-medium text-party"
                    : "border-transparent text-neutral-600 hover:border-neutral-300 hover:text-neutral-900",
                )}
              >
                {t(tab.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
