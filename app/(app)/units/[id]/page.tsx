import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { defaultDashboardRange, loadDashboardFilters, resolveDashboardFilters } from "~/app/_components/charts/filter-params";
import { FilterBar } from "~/app/_components/charts/filter-bar";
import { PendingArea } from "~/app/_components/charts/pending-area";
import { DashboardFiltersProvider } from "~/app/_components/charts/use-dashboard-filters";
import { Notice } from "~/app/_components/ui/notice";
import { ClientMessages } from "~/app/_lib/client-messages";
import { requireActor } from "~/app/_lib/session";
import { readForPage } from "~/app/_lib/trpc/page-read";
import { quarterRange } from "~/lib/quarter";
import { UnitCasesCard } from "./cases-card";
import { UnitCharts } from "./client";
import { UnitMeetingsCard } from "./meetings-card";
import { ReportsCard } from "./reports-card";
import { UnitHeader } from "./unit-header";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * 单位页: who the unit is, its scores over the range, its reports, meetings and cases; range and
 * `inc` come from the URL. Rendered from server data (issue 16): the procedures are called here,
 * so scope and messages are theirs; the browser gets the two trend charts and the filter bar as
 * client islands, and a filter change or a click on a quarter renders the page again on the server.
 * Its links do not prefetch (ui/link.tsx): some thirty are on the first screen, and prefetching
 * each blocked an office PC for longer than the page itself (docs/performance.md).
 */
export default async function UnitPage({ params, searchParams }: Props) {
  await requireActor();
  const { id } = await params;
  if (!/^[1-9]\d{0,9}$/.test(id) || Number(id) > 2_147_483_647) notFound();
  const unitId = Number(id);
  const defaults = { unitId, ...defaultDashboardRange() };
  const f = resolveDashboardFilters(await loadDashboardFilters(searchParams), defaults);
  const range = { unitId, from: f.from, to: f.to };
  const quarters = quarterRange(f.from, f.to).reverse();
  const [tree, overview, meetings, cases, officers, ...reports] = await Promise.all([
    readForPage((api) => api.unit.tree({ rootId: unitId, depth: 1 })),
    readForPage((api) => api.dashboard.overview({ ...range, include: f.include })),
    readForPage((api) => api.meeting.list(range)),
    readForPage((api) => api.case.list({ unitId })),
    readForPage((api) => api.officer.list({ unitId })),
    ...quarters.map((quarter) => readForPage((api) => api.report.get({ unitId, quarter }))),
  ] as const);
  const t = await getTranslations("unitPage");
  const tc = await getTranslations("common");

  // Out of reach and unknown read alike (the tree answers NOT_FOUND for both): the message, nothing else.
  const unit = tree.ok ? tree.data.find((u) => u.id === unitId) : undefined;
  if (!tree.ok || !unit) {
    return <Notice tone="error">{tc("error", { message: tree.ok ? t("loading") : tree.message })}</Notice>;
  }
  const children = tree.data.filter((u) => u.parentId === unitId);
  const subtree = children.length > 0;

  return (
    <ClientMessages entry="(app)/units/[id]/page">
      <DashboardFiltersProvider defaults={defaults} serverDriven>
        <div className="space-y-3">
          <UnitHeader
            unit={unit}
            subunits={children}
            breadcrumb={overview.ok ? overview.data.breadcrumb : undefined}
            roster={officers.ok ? officers.data : null}
          />
          <div className="flex flex-wrap items-end justify-between gap-2 rounded border border-neutral-200 bg-white px-4 py-3">
            <FilterBar categories={false} />
            <span className="text-xs text-neutral-500">{subtree ? t("scopeSubtree") : t("scopeOwn")}</span>
          </div>
          {/* No HydrateApart (Suspense) around the client islands here: a server page's client component
              is loaded on the server while it renders, so its boundary streamed after the shell and the
              cards below moved when it arrived (CLS 0.25 at CPU ×4). The old page's data stays on screen,
              dimmed, until the new range's render arrives. */}
          <PendingArea className="space-y-3">
            {overview.ok ? (
              <UnitCharts
                overview={overview.data}
                unitName={unit.name}
                ownUnitOnly={!subtree}
                from={f.from}
                to={f.to}
                include={f.include}
              />
            ) : (
              <Notice tone="error">{tc("error", { message: overview.message })}</Notice>
            )}
            <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
              <ReportsCard unitId={unitId} reports={quarters.map((quarter, i) => ({ quarter, read: reports[i]! }))} />
              <UnitCasesCard unitId={unitId} subtree={subtree} list={cases} />
            </div>
            <UnitMeetingsCard unitId={unitId} list={meetings} />
          </PendingArea>
        </div>
      </DashboardFiltersProvider>
    </ClientMessages>
  );
}
