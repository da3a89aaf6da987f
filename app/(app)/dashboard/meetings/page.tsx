import { getLocale, getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { Breadcrumb } from "~/app/_components/charts/breadcrumb";
import { ExportScope } from "~/app/_components/charts/export-meta";
import { defaultDashboardRange, loadDashboardFilters, resolveDashboardFilters } from "~/app/_components/charts/filter-params";
import { PendingArea } from "~/app/_components/charts/pending-area";
import { DashboardFiltersProvider } from "~/app/_components/charts/use-dashboard-filters";
import { Notice } from "~/app/_components/ui/notice";
import { ClientMessages } from "~/app/_lib/client-messages";
import { requireActor } from "~/app/_lib/session";
import { readForPage } from "~/app/_lib/trpc/page-read";
import { formatQuarter, quarterOf } from "~/lib/quarter";
import { readsOnlyOwnUnit } from "~/server/scope";
import { DashboardTabs } from "../dashboard-tabs";
import { CompletionCard } from "./completion-card";
import { DistributionCard } from "./distribution-card";
import { FlagsCard, FlagsCardLoading, readFlagsPage } from "./flags-card";
import { RangeControls } from "./range-controls";
import { flagsPlaceKeys, flagsReadWithPage, loadFlagsPlace } from "./params";

type Search = Promise<Record<string, string | string[] | undefined>>;

/**
 * 会议质量, rendered from server data: filters (`unit`, `from`, `to`) and the flags card's place
 * (`fkind`, `fpage`) come from the URL; a change asks the server for the page again.
 */
export default async function MeetingQualityPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const defaults = { unitId: actor.unitId, ...defaultDashboardRange() };
  const f = resolveDashboardFilters(loadDashboardFilters(sp), defaults);
  const range = { unitId: f.unitId, from: f.from, to: f.to };
  const place = loadFlagsPlace(sp);
  const read = await readForPage((api) => api.dashboard.meetingQuality(range));
  const ownUnitOnly = readsOnlyOwnUnit(actor);
  const [t, tc, locale] = await Promise.all([getTranslations("meetingQuality"), getTranslations("common"), getLocale()]);
  const data = read.ok ? read.data : null;
  const exportBase = data ? `${data.unitName}_${data.from}-${data.to}` : "";

  let flags: React.ReactNode = null;
  if (data) {
    const counts = data.flagCounts;
    const props = { counts, kind: place.fkind, urlPage: place.fpage, exportBase };
    const flagsRead = counts.total > 0 ? readFlagsPage(range, place.fkind, place.fpage) : null;
    // The flags card's page is read with the page, so its table is in the first HTML (no layout
    // shift, drawn before hydration) — unless the range has so many flags that sorting them would
    // hold the whole page back (large subtrees): then the card streams in after the rest.
    flags = flagsReadWithPage(counts, place.fkind) ? (
      <FlagsCard {...props} read={await flagsRead} />
    ) : (
      <Suspense fallback={<FlagsCardLoading total={counts.total} />}>
        <FlagsCard {...props} read={flagsRead} />
      </Suspense>
    );
  }

  return (
    <ClientMessages entry="(app)/dashboard/meetings/page">
      <DashboardFiltersProvider defaults={defaults} serverDriven resetKeys={flagsPlaceKeys}>
        <ExportScope unitName={data?.unitName} from={f.from} to={f.to} ownUnitOnly={ownUnitOnly}>
          <div className="space-y-3">
            <DashboardTabs />
            <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
              <h1 className="text-lg font-semibold">{t("heading")}</h1>
              {data ? (
                <>
                  <Breadcrumb items={data.breadcrumb} />
                  <span className="text-sm text-neutral-600">{t(ownUnitOnly ? "ownUnit" : "subtree", { name: data.unitName })}</span>
                  <span className="text-sm text-neutral-600">
                    {t("range", { from: formatQuarter(data.from, locale), to: formatQuarter(data.to, locale) })}
                  </span>
                </>
              ) : null}
            </div>
            <RangeControls />
            {read.ok ? (
              <PendingArea className="space-y-4">
                <div className="grid gap-4 lg:grid-cols-2">
                  <CompletionCard completion={read.data.completion} running={quarterOf(new Date())} exportBase={exportBase} />
                  <DistributionCard distribution={read.data.distribution} exportBase={exportBase} />
                </div>
                {flags}
              </PendingArea>
            ) : (
              <Notice tone="error">{tc("error", { message: read.message })}</Notice>
            )}
          </div>
        </ExportScope>
      </DashboardFiltersProvider>
    </ClientMessages>
  );
}
