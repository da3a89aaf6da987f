"use client";

import { useTranslations } from "next-intl";

/** A tenure's dates: “2024-01-01 至 2025-05-31”, or “2024-01-01 至今” while in post. */
export function Term({ from, to }: { from: string; to: string | null }) {
  const t = useTranslations("officers.roster");
  return <span className="num whitespace-nowrap">{to ? t("term", { from, to }) : t("termOpen", { from })}</span>;
}
