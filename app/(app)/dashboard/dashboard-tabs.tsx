"use client";

import { useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { SubTabs } from "~/app/_components/ui/sub-tabs";
import { dashboardTabs, tabHref } from "./dashboard-links";

// The links live apart so that server components can build them; re-exported for the client modules that import them from here.
export { dashboardHref, dashboardTabs, tabHref } from "./dashboard-links";

/** Sub-navigation between the dashboards (总览 / 重业务轻党建 / 会议质量 / 问责统计). */
export function DashboardTabs() {
  const t = useTranslations("dashboardTabs");
  const params = useSearchParams();
  const tabs = dashboardTabs.map((tab) => ({ key: tab.key, path: tab.href, href: tabHref(tab.href, params), label: t(tab.key) }));
  return <SubTabs label={t("label")} tabs={tabs} testId="dashboard-tabs" />;
}
