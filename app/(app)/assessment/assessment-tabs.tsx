"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { createLoader } from "nuqs/server";
import { cn } from "~/app/_lib/cn";
import { assessmentHref, assessmentParsers } from "./params";

/** The annual-assessment pages, in tab order; `manage` ones only for those who keep the cycle (admins), `subtree` ones not for a role that reads only its own unit (staff). */
export const assessmentTabs = [
  { key: "grades", href: "/assessment", manage: false },
  { key: "duty", href: "/assessment/duty", manage: false },
  { key: "simulator", href: "/assessment/simulator", manage: false, subtree: true },
  { key: "dashboard", href: "/assessment/dashboard", manage: false },
  { key: "cycle", href: "/assessment/cycle", manage: true },
] as const;

const load = createLoader(assessmentParsers);

/** Sub-navigation of 年度考核 (等次评定 / 述职报告 / 权重模拟 / 年度看板 / 考核设置), carrying the year and unit. */
export function AssessmentTabs({ canManage, ownUnitOnly = false }: { canManage: boolean; ownUnitOnly?: boolean }) {
  const t = useTranslations("assessmentTabs");
  const pathname = usePathname();
  const params = useSearchParams();
  const carried = load(params);
  return (
    <nav aria-label={t("label")} className="border-b border-neutral-200" data-testid="assessment-tabs">
      <ul className="-mb-px flex flex-wrap gap-1 text-sm">
        {assessmentTabs
          .filter((tab) => (canManage || !tab.manage) && !(ownUnitOnly && "subtree" in tab))
          .map((tab) => {
            const active = pathname === tab.href;
            return (
              <li key={tab.key}>
                <Link
                  href={assessmentHref(tab.href, carried)}
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
