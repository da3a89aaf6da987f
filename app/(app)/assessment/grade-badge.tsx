"use client";

import { useTranslations } from "next-intl";
import { cn } from "~/app/_lib/cn";
import type { Grade } from "~/lib/codes";
import { gradeTone } from "./grade-words";

/** A grade in words, with its tone. */
export function GradeBadge({ grade }: { grade: Grade | null }) {
  const t = useTranslations("assessmentGrades");
  const tg = useTranslations("grades");
  if (!grade) return <span className="text-neutral-400">{t("table.none")}</span>;
  return <span className={cn("inline-flex rounded border px-1.5 py-0.5 text-xs whitespace-nowrap", gradeTone[grade])}>{tg(grade)}</span>;
}
