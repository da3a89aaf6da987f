import { loadReviewInclude, loadReviewKind } from "./params";
import { unitQuarterFromParams } from "~/app/_lib/quarter-params";
import { notFound } from "next/navigation";
import { requireActor } from "~/app/_lib/session";
import { chairsReviews } from "~/server/scope";
import { getQueryClient, HydrateClient, trpc } from "~/app/_lib/trpc/server";
import { currentAssessmentYear } from "~/lib/assessment/years";
import { NewReviewClient } from "./client";
import { NewDutyReviewClient } from "./duty-client";
import { ClientMessages } from "~/app/_lib/client-messages";

type Search = Promise<{ unit?: string; quarter?: string; include?: string; kind?: string; year?: string }>;

/**
 * Convene a review meeting: a 问责审议会 (subtree and quarter from the URL, the proposed agenda to
 * edit) or, with `?kind=duty_review`, a 述职评议会 (subtree and assessment year, one slide per secretary).
 */
export default async function NewReviewPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireActor();
  if (!chairsReviews(actor)) notFound();
  const sp = await searchParams;
  const picked = unitQuarterFromParams(sp, actor.unitId);
  const qc = getQueryClient();
  const { kind, year: asked } = loadReviewKind(sp);
  if (kind === "duty_review") {
    // The years a 述职评议会 may hear: this one and the last (Beijing); the server checks the cycle.
    const thisYear = currentAssessmentYear();
    const years = [thisYear, thisYear - 1];
    const year = asked !== null && years.includes(asked) ? asked : thisYear;
    await Promise.allSettled([
      qc.prefetchQuery(trpc.review.proposeDuty.queryOptions({ unitId: picked.unitId, year })),
      qc.prefetchQuery(trpc.unit.get.queryOptions({ id: picked.unitId })),
    ]);
    return (
      <ClientMessages entry="(app)/review/new/page">
        <HydrateClient>
          <NewDutyReviewClient unitId={picked.unitId} year={year} years={years} />
        </HydrateClient>
      </ClientMessages>
    );
  }
  const { include } = loadReviewInclude(sp);
  await Promise.allSettled([
    qc.prefetchQuery(trpc.review.propose.queryOptions({ unitId: picked.unitId, quarter: picked.quarter, include })),
    qc.prefetchQuery(trpc.unit.get.queryOptions({ id: picked.unitId })),
  ]);
  return (
    <ClientMessages entry="(app)/review/new/page">
      <HydrateClient>
        <NewReviewClient {...picked} include={include} />
      </HydrateClient>
    </ClientMessages>
  );
}
