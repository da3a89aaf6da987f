"use client";

import { useLocale, useTranslations } from "next-intl";
import { formatScore } from "~/app/_lib/categories";
import { cn } from "~/app/_lib/cn";
import { formatDate } from "~/app/_lib/format-date";
import type { FlagKind } from "~/lib/codes";
import type { AgendaReason } from "~/app/_lib/api-types";

/** The sentence that explains one reason with its figures, e.g. “综合得分 39.7，倒数第 3（共 52 个单位）”. */
export function useReasonText() {
  const t = useTranslations();
  const locale = useLocale();
  return (r: AgendaReason): string => {
    switch (r.code) {
      case "low_score":
        return t("review.evidence.low_score", { composite: formatScore(r.evidence.composite), rank: r.evidence.rank, of: r.evidence.of });
      case "business_over_party":
        return t("review.evidence.business_over_party", {
          business: formatScore(r.evidence.business),
          composite: formatScore(r.evidence.composite),
          gap: formatScore(r.evidence.gap),
          meanBusiness: formatScore(r.evidence.meanBusiness),
          meanComposite: formatScore(r.evidence.meanComposite),
        });
      case "formalism_flags": {
        const kinds = Object.entries(r.evidence.kinds)
          .map(([k, n]) => `${t(`meetings.flags.kinds.${k as FlagKind}`)} ${n}`)
          .join(t("review.listSeparator"));
        return t("review.evidence.formalism_flags", { total: r.evidence.total, kinds });
      }
      case "overdue_rectification":
        return t("review.evidence.overdue_rectification", { ...r.evidence, oldestDeadline: formatDate(r.evidence.oldestDeadline, locale) });
    }
  };
}

/** The reasons of an agenda item: label, then the figures (tone: light pages or the dark slides). */
export function ReasonList({ reasons, addedByChair, dark }: { reasons: AgendaReason[]; addedByChair: boolean; dark?: boolean }) {
  const t = useTranslations();
  const text = useReasonText();
  if (reasons.length === 0) {
    return <span className={dark ? "text-neutral-400" : "text-neutral-500"}>{addedByChair ? t("review.addedByChair") : "—"}</span>;
  }
  return (
    <ul className="space-y-0.5">
      {reasons.map((r) => (
        <li key={r.code} data-reason={r.code}>
          <span className={cn("font-medium", dark ? "text-neutral-100" : "text-neutral-900")}>{t(`review.reasons.${r.code}`)}</span>
          <span className={cn("ml-1.5", dark ? "text-neutral-300" : "text-neutral-600")}>{text(r)}</span>
        </li>
      ))}
    </ul>
  );
}
