import { requireActor } from "~/app/_lib/session";
import { readForPage } from "~/app/_lib/trpc/page-read";
import { OverdueItems } from "./overdue-items";

/** 逾期的点评整改事项: every overdue comment item of the units the caller reads (the to-do's “查看全部”). */
export default async function OverdueItemsPage() {
  const actor = await requireActor();
  const items = await readForPage((api) => api.assessment.overdueItems({ unitId: actor.unitId }));
  return <OverdueItems items={items} />;
}
