import { useLocale, useTranslations } from "next-intl";
import { formatDate } from "~/app/_lib/format-date";

/** A tenure's dates: “2024-01-01 至 2025-05-31”, or “2024-01-01 至今” while in post. */
export function Term({ from, to }: { from: string; to: string | null }) {
  const t = useTranslations("officers.roster");
  const locale = useLocale();
  const [a, b] = [formatDate(from, locale), formatDate(to, locale)];
  return <span className="num whitespace-nowrap">{to ? t("term", { from: a, to: b }) : t("termOpen", { from: a })}</span>;
}
