import { getLocale, getTranslations } from "next-intl/server";
import { Breadcrumb } from "~/app/_components/charts/breadcrumb";
import { ExportScope } from "~/app/_components/charts/export-meta";
import { defaultDashboardRange, loadDashboardFilters, resolveDashboardFilters } from "~/app/_components/charts/filter-params";
import { HydrateApart } from "~/app/_components/charts/hydrate-apart";
import { PendingArea } from "~/app/_components/charts/pending-area";
import { DashboardFiltersProvider } from "~/app/_components/charts/use-dashboard-filters";
import { Notice } from "~/app/_components/ui/notice";
import { ClientMessages } from "~/app/_lib/client-messages";
import { requireActor } from "~/app/_lib/session";
import { readForPage } from "~/app/_lib/trpc/page-read";
import { formatQuarter } from "~/lib/quarter";
import { readsOnlyOwnUnit } from "~/server/scope";
import { DashboardTabs } from "../dashboard-tabs";
import { QuadrantControls } from "./controls";
import { FlaggedList } from "./flagged-list";
import { loadLevel, quadrantInput } from "./level-param";
import { QuadrantCard } from "./quadrant-card";
import { quadrantEmptyReason } from "./quadrant-data";

type Search = Promise<Record<string, string | string[] | undefined>>;

/**
 * 重业务轻党建: the scatter of the next level (or every unit) and the units of the high-business /
 * low-Party-building quadrant, rendered from server data. Filters (`unit`, `from`, `to`, `inc`,
 * `level`) come from the URL; a change asks the server for the page again.
 */
export default async function QuadrantPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const defaults = { unitId: actor.unitId, ...defaultDashboardRange() };
  const f = resolveDashboardFilters(loadDashboardFilters(sp), defaults);
  const { level } = loadLevel(sp);
  const read = await readForPage((api) => api.dashboard.quadrant(quadrantInput(f, level)));
  const ownUnitOnly = readsOnlyOwnUnit(actor);
  const [t, tc, locale] = await Promise.all([getTranslations("quadrant"), getTranslations("common"), getLocale()]);
  const data = read.ok ? read.data : null;

  const reason = data ? quadrantEmptyReason({ ownUnitOnly, level, pointCount: data.total, childCount: data.childCount }) : null;
  const empty =
    reason === null
      ? null
      : reason === "noScores"
        ? {
            message: t(`empty.${f.include}`, { quarter: formatQuarter(f.to, locale) }),
            hint: f.include === "approved" ? t("empty.tryInclude") : undefined,
          }
        : { message: t(`empty.${reason}`, { name: data?.unitName ?? "" }) };

  return (
    <ClientMessages entry="(app)/dashboard/quadrant/page">
      <DashboardFiltersProvider defaults={defaults} serverDriven>
        <ExportScope unitName={data?.unitName} from={f.to} to={f.to} ownUnitOnly={ownUnitOnly}>
          <div className="space-y-3">
            <DashboardTabs />
            <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
              <h1 className="text-lg font-semibold">{t("heading")}</h1>
              {data ? <Breadcrumb items={data.breadcrumb} /> : null}
            </div>
            <HydrateApart>
              <QuadrantControls />
            </HydrateApart>
            {read.ok ? (
              <PendingArea className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
                {/* The chart hydrates in a task of its own (HydrateApart); the list is server HTML. */}
                <HydrateApart>
                  <QuadrantCard data={read.data} empty={empty} exportBase={read.data.unitName} />
                </HydrateApart>
                <FlaggedList flagged={empty ? [] : read.data.flagged} total={read.data.flaggedTotal} />
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
