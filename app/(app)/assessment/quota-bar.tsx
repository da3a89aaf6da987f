"use client";

import { useTranslations } from "next-intl";
import { cn } from "~/app/_lib/cn";
import type { RouterOutputs } from "~/app/_lib/trpc/types";

type Quota = RouterOutputs["assessment"]["gradeQuota"];

/** 好 used against the quota, department-wide (the quota's own scope) and in the subtree shown. */
export function QuotaBar({ quota }: { quota: Quota }) {
  const t = useTranslations("assessmentGrades");
  const used = quota.department.good;
  const over = used > quota.allowedGood;
  const width = (n: number) => `${quota.allowedGood === 0 ? (n > 0 ? 100 : 0) : Math.min(100, (n / quota.allowedGood) * 100)}%`;
  return (
    <section
      className="space-y-2 rounded border border-neutral-200 bg-white px-4 py-3 text-sm"
      aria-label={t("quota.title")}
      data-testid="quota-bar"
    >
      <h2 className="font-medium">{t("quota.title")}</h2>
      <p>{t("quota.department", { used, allowed: quota.allowedGood, graded: quota.graded })}</p>
      <div
        className="h-3 w-full overflow-hidden rounded bg-neutral-100"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={quota.allowedGood}
        aria-valuenow={used}
        aria-label={t("quota.title")}
      >
        <div className={cn("h-full", over ? "bg-red-600" : "bg-green-600")} style={{ width: width(used) }} />
      </div>
      <p className="text-neutral-600">
        {t("quota.subtree", { used: quota.subtree.good, units: quota.subtreeUnits })}
        {quota.allowedFairlyGood !== null
          ? ` · ${t("quota.fairlyGood", { used: quota.department.fairly_good, allowed: quota.allowedFairlyGood })}`
          : null}
        {over ? <strong className="ml-2 text-red-700">{t("quota.over")}</strong> : null}
      </p>
    </section>
  );
}
