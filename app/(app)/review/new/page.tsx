import { loadReviewInclude, loadReviewKind } from "./params";
import { unitQuarterFromParams } from "~/app/_lib/quarter-params";
import { notFound } from "next/navigation";
import { requireActor } from "~/app/_lib/session";
import { chairsReviews } from "~/server/scope";
import { readForPage } from "~/app/_lib/trpc/page-read";
import { currentAssessmentYear } from "~/lib/assessment/years";
import { NewReviewClient } from "./client";
import { NewDutyReviewClient } from "./duty-client";
import { ClientMessages } from "~/app/_lib/client-messages";

type Search = Promise<{ unit?: string; quarter?: string; include?: string; kind?: string; year?: string }>;

/**
 * Convene a review meeting: a 问责审议会 (subtree and quarter from the URL, the proposed agenda to
 * edit) or, with `?kind=duty_review`, a 述职评议会 (subtree and assessment year, one slide per secretary).
 * The proposal and the subtree's unit are read on the server; a new choice renders the page again.
 */
export default async function NewReviewPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireActor();
  if (!chairsReviews(actor)) notFound();
  const sp = await searchParams;
  const picked = unitQuarterFromParams(sp, actor.unitId);
  const readUnit = readForPage((api) => api.unit.get({ id: picked.unitId })).then((u) => (u.ok ? u.data : null));
  const { kind, year: asked } = loadReviewKind(sp);
  if (kind === "duty_review") {
    // The years a 述职评议会 may hear: this one and the last (Beijing); the server checks the cycle.
    const thisYear = currentAssessmentYear();
    const years = [thisYear, thisYear - 1];
    const year = asked !== null && years.includes(asked) ? asked : thisYear;
    const [proposal, unit] = await Promise.all([readForPage((api) => api.review.proposeDuty({ unitId: picked.unitId, year })), readUnit]);
    return (
      <ClientMessages entry="(app)/review/new/page">
        <NewDutyReviewClient unitId={picked.unitId} unit={unit} year={year} years={years} proposal={proposal} />
      </ClientMessages>
    );
  }
  const { include } = loadReviewInclude(sp);
  const [proposal, unit] = await Promise.all([
    readForPage((api) => api.review.propose({ unitId: picked.unitId, quarter: picked.quarter, include })),
    readUnit,
  ]);
  return (
    <ClientMessages entry="(app)/review/new/page">
      <NewReviewClient {...picked} unit={unit} include={include} proposal={proposal} />
    </ClientMessages>
  );
}
