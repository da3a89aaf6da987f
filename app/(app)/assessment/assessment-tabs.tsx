"use client";

import { useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { createLoader } from "nuqs/server";
import { SubTabs } from "~/app/_components/ui/sub-tabs";
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
  const carried = load(useSearchParams());
  const tabs = assessmentTabs
    .filter((tab) => (canManage || !tab.manage) && !(ownUnitOnly && "subtree" in tab))
    .map((tab) => ({ key: tab.key, path: tab.href, href: assessmentHref(tab.href, carried), label: t(tab.key) }));
  return <SubTabs label={t("label")} tabs={tabs} testId="assessment-tabs" />;
}
