import { requireActor } from "~/app/_lib/session";
import { getQueryClient, HydrateClient, trpc } from "~/app/_lib/trpc/server";
import { addQuarters, defaultReportingQuarter, parseQuarter, quarterOf } from "~/server/lib/quarter";
import { ReportClient } from "./client";

type Search = Promise<{ unit?: string; quarter?: string }>;

export default async function ReportPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const unitId = Number(sp.unit) > 0 ? Math.floor(Number(sp.unit)) : actor.unitId;
  const running = quarterOf(new Date());
  // The running quarter and the eight finished ones before it can be opened from the picker.
  const quarters = Array.from({ length: 9 }, (_, i) => addQuarters(running, -i));
  const quarter = sp.quarter && parseQuarter(sp.quarter) && sp.quarter <= running ? sp.quarter : defaultReportingQuarter();

  const qc = getQueryClient();
  await Promise.allSettled([
    qc.prefetchQuery(trpc.report.get.queryOptions({ unitId, quarter })),
    qc.prefetchQuery(trpc.indicator.list.queryOptions({ quarter })),
    qc.prefetchQuery(trpc.indicator.categories.queryOptions({ quarter })),
    qc.prefetchQuery(trpc.unit.tree.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <ReportClient unitId={unitId} quarter={quarter} quarters={quarters} running={running} />
    </HydrateClient>
  );
}
