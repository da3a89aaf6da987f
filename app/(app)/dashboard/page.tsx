import { requireActor } from "~/app/_lib/session";
import { getQueryClient, HydrateClient, trpc } from "~/app/_lib/trpc/server";
import { lastQuarters, parseQuarter } from "~/server/lib/quarter";
import { DashboardClient } from "./client";

type Search = Promise<{ unit?: string; from?: string; to?: string }>;

export default async function DashboardPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const unitId = Number(sp.unit) > 0 ? Math.floor(Number(sp.unit)) : actor.unitId;
  const defaults = lastQuarters(8);
  const from = sp.from && parseQuarter(sp.from) ? sp.from : defaults[0]!;
  const to = sp.to && parseQuarter(sp.to) ? sp.to : defaults[defaults.length - 1]!;
  await getQueryClient()
    .prefetchQuery(trpc.dashboard.overview.queryOptions({ unitId, from, to }))
    .catch(() => undefined); // the client shows the error
  return (
    <HydrateClient>
      <DashboardClient unitId={unitId} from={from} to={to} />
    </HydrateClient>
  );
}
