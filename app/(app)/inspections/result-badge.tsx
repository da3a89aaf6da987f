import { useTranslations } from "next-intl";
import { cn } from "~/app/_lib/cn";
import type { InspectionResult } from "~/lib/codes";

// A failed check is the one to act on: it alone takes the red accent; the label always says which.
const tones: Record<InspectionResult, string> = {
  pass: "bg-green-50 text-green-800 border-green-200",
  basic: "bg-amber-50 text-amber-800 border-amber-200",
  fail: "bg-red-50 text-party border-red-200",
};

export function ResultBadge({ result }: { result: InspectionResult }) {
  const t = useTranslations("inspections");
  return (
    <span className={cn("inline-flex items-center rounded border px-1.5 py-0.5 text-xs whitespace-nowrap", tones[result])}>
      {t(`results.${result}`)}
    </span>
  );
}
