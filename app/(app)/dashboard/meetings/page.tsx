import { defaultDashboardRange, loadDashboardFilters, resolveDashboardFilters } from "~/app/_components/charts/filter-params";
import { DashboardFiltersProvider } from "~/app/_components/charts/use-dashboard-filters";
import { requireActor } from "~/app/_lib/session";
import { getQueryClient, HydrateClient, trpc } from "~/app/_lib/trpc/server";
import { quarterOf } from "~/lib/quarter";
import { readsOnlyOwnUnit } from "~/server/scope";
import { MeetingQualityClient } from "./client";
import { flagsPageInput, flagsReadWithPage, loadFlagsPlace } from "./params";
import { ClientMessages } from "~/app/_lib/client-messages";

type Search = Promise<Record<string, string | string[] | undefined>>;

/** 会议质量: filters (`unit`, `from`, `to`) come from the URL. */
export default async function MeetingQualityPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireActor();
  const defaults = { unitId: actor.unitId, ...defaultDashboardRange() };
  const f = resolveDashboardFilters(await loadDashboardFilters(searchParams), defaults);
  const range = { unitId: f.unitId, from: f.from, to: f.to };
  const place = await loadFlagsPlace(searchParams);
  const queryClient = getQueryClient();
  try {
    const quality = await queryClient.fetchQuery(trpc.dashboard.meetingQuality.queryOptions(range));
    // The flags card's page too, so that its table is in the HTML and hydrates with the page
    // rather than being drawn in the browser after it (a long task under a slow CPU) — unless the
    // range has so many flags that sorting them would hold the whole page back (large subtrees).
    if (flagsReadWithPage(quality.flagCounts, place.fkind)) {
      await queryClient.prefetchQuery(trpc.meeting.flagsPage.queryOptions(flagsPageInput(range, place.fkind, place.fpage)));
    }
  } catch {
    // the client shows the error
  }
  return (
    <ClientMessages entry="(app)/dashboard/meetings/page">
      <HydrateClient>
        <DashboardFiltersProvider defaults={defaults}>
          <MeetingQualityClient ownUnitOnly={readsOnlyOwnUnit(actor)} running={quarterOf(new Date())} />
        </DashboardFiltersProvider>
      </HydrateClient>
    </ClientMessages>
  );
}
