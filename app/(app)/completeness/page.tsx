import { getTranslations } from "next-intl/server";
import { Notice } from "~/app/_components/ui/notice";
import { unitQuarterFromParams } from "~/app/_lib/quarter-params";
import { requireActor } from "~/app/_lib/session";
import { readForPage } from "~/app/_lib/trpc/page-read";
import { CompletenessClient } from "./client";
import { ClientMessages } from "~/app/_lib/client-messages";

type Search = Promise<{ unit?: string; quarter?: string }>;

/** 填报完成情况, rendered from server data: the unit and quarter come from the URL (`?unit=&quarter=`). */
export default async function CompletenessPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireActor();
  const picked = unitQuarterFromParams(await searchParams, actor.unitId);
  const [read, unit, t] = await Promise.all([
    readForPage((api) => api.completeness.get({ unitId: picked.unitId, quarter: picked.quarter })),
    readForPage((api) => api.unit.get({ id: picked.unitId })),
    getTranslations("common"),
  ]);
  return (
    <ClientMessages entry="(app)/completeness/page">
      <CompletenessClient
        {...picked}
        unit={unit.ok ? unit.data : null}
        data={read.ok ? read.data : null}
        subtreeFiles={actor.role === "admin"}
        error={read.ok ? null : <Notice tone="error">{t("error", { message: read.message })}</Notice>}
      />
    </ClientMessages>
  );
}
