import { getTranslations } from "next-intl/server";
import { Notice } from "~/app/_components/ui/notice";
import { requireActor } from "~/app/_lib/session";
import { readForPage } from "~/app/_lib/trpc/page-read";
import { unitQuarterFromParams } from "~/app/_lib/quarter-params";
import { ReportClient } from "./client";
import { ClientMessages } from "~/app/_lib/client-messages";

type Search = Promise<{ unit?: string; quarter?: string }>;

/**
 * 季度报告, rendered from server data: the unit and quarter come from the URL; saves, autosaves and
 * workflow decisions call the API (the client loads on the first one), then the page asks the
 * server for itself again. The spreadsheet import's code loads when a file is chosen or a job is shown.
 */
export default async function ReportPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const picked = unitQuarterFromParams(sp, actor.unitId);
  const { unitId, quarter } = picked;
  const [report, indicators, categories, unit, latestJob, t] = await Promise.all([
    readForPage((api) => api.report.get({ unitId, quarter })),
    readForPage((api) => api.indicator.list({ quarter })),
    readForPage((api) => api.indicator.categories({ quarter })),
    readForPage((api) => api.unit.get({ id: unitId })),
    // The import runs as a background job: the page finds the person's latest one again after leaving.
    readForPage((api) => api.importJob.latest()),
    getTranslations("common"),
  ]);
  const refused = [report, indicators].find((r) => !r.ok);
  return (
    <ClientMessages entry="(app)/report/page">
      <ReportClient
        {...picked}
        unit={unit.ok ? unit.data : null}
        data={
          report.ok && indicators.ok
            ? {
                report: report.data,
                indicators: indicators.data,
                weights: Object.fromEntries((categories.ok ? categories.data : []).map((c) => [c.code, c.weight])),
              }
            : null
        }
        error={refused && !refused.ok ? <Notice tone="error">{t("error", { message: refused.message })}</Notice> : null}
        canUpload={actor.role === "staff" || actor.role === "admin"}
        latestJobId={latestJob.ok && latestJob.data ? latestJob.data.id : null}
      />
    </ClientMessages>
  );
}
