import { getTranslations } from "next-intl/server";
import { Link } from "~/app/_components/ui/link";
import type { Overview } from "./overview-data";
import { casesHref } from "~/app/(app)/cases/params";
import { dashboardHref } from "./dashboard-links";

/** Open accountability cases and those with overdue rectifications in the subtree, linked to the case list. */
export async function CaseFigures({ overview }: { overview: Overview }) {
  const t = await getTranslations("dashboard");
  const tc = await getTranslations("caseDashboard");
  return (
    <div className="flex flex-wrap gap-3" data-testid="case-summary">
      <Link
        href={casesHref({ unitId: overview.unitId })}
        className="rounded border border-neutral-200 bg-white px-4 py-2 hover:border-neutral-400"
      >
        <span className="block text-xs text-neutral-500">{t("openCases")}</span>
        <span className="num block text-xl font-semibold">{overview.cases.open}</span>
      </Link>
      <Link
        href={casesHref({ unitId: overview.unitId, overdue: true })}
        className="rounded border border-neutral-200 bg-white px-4 py-2 hover:border-neutral-400"
      >
        <span className="block text-xs text-neutral-500">{t("overdueCases")}</span>
        <span className={`num block text-xl font-semibold ${overview.cases.overdue > 0 ? "text-amber-800" : ""}`}>
          {overview.cases.overdue}
        </span>
      </Link>
      <Link href={dashboardHref("/cases/dashboard", { unit: overview.unitId })} className="self-center text-sm text-party hover:underline">
        {tc("heading")}
      </Link>
    </div>
  );
}
