"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useQueryState } from "nuqs";
import { Breadcrumb } from "~/app/_components/charts/breadcrumb";
import { ChartExportScopeProvider, useExportScope } from "~/app/_components/charts/export-meta";
import { HydrateApart } from "~/app/_components/charts/hydrate-apart";
import { useDashboardFilters } from "~/app/_components/charts/use-dashboard-filters";
import { Notice } from "~/app/_components/ui/notice";
import { describeError } from "~/app/_lib/trpc/errors";
import { useTRPC } from "~/app/_lib/trpc/react";
import { formatQuarter } from "~/lib/quarter";
import { DashboardTabs } from "../dashboard-tabs";
import { QuadrantControls } from "./controls";
import { FlaggedList } from "./flagged-list";
import { levelParser, quadrantInput } from "./level-param";
import { QuadrantCard } from "./quadrant-card";
import { quadrantEmptyReason, type QuadrantPoint } from "./quadrant-data";

/** 重业务轻党建: the scatter of the next level (or every branch) and the units of the high-business / low-Party-building quadrant. */
export function QuadrantClient({ ownUnitOnly }: { ownUnitOnly: boolean }) {
  const t = useTranslations("quadrant");
  const tc = useTranslations("common");
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const f = useDashboardFilters();
  const [level, setLevel] = useQueryState("level", levelParser.withOptions({ history: "push", scroll: false }));
  const quadrant = useQuery({ ...trpc.dashboard.quadrant.queryOptions(quadrantInput(f, level)), placeholderData: keepPreviousData });
  const data = quadrant.data;
  const unitName = data?.unitName ?? "";
  const quarter = formatQuarter(f.to, locale);
  const exportScope = useExportScope(data?.unitName, f.to, f.to, ownUnitOnly);

  const reason = data ? quadrantEmptyReason({ ownUnitOnly, level, pointCount: data.total, childCount: data.childCount }) : null;
  const empty =
    reason === null
      ? null
      : reason === "noScores"
        ? { message: t(`empty.${f.include}`, { quarter }), hint: f.include === "approved" ? t("empty.tryInclude") : undefined }
        : { message: t(`empty.${reason}`, { name: unitName }) };
  const open = (p: QuadrantPoint) => (p.hasChildren ? f.setUnit(p.id) : router.push(`/units/${p.id}`));
  const error = quadrant.error;

  return (
    <ChartExportScopeProvider value={exportScope}>
      <div className="space-y-3">
        <DashboardTabs />
        <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
          <h1 className="text-lg font-semibold">{t("heading")}</h1>
          {data ? <Breadcrumb items={data.breadcrumb} /> : null}
        </div>
        <HydrateApart>
          <QuadrantControls f={f} level={level} onLevel={(l) => void setLevel(l === "children" ? null : l)} />
        </HydrateApart>
        {error ? (
          <Notice tone="error">{tc("error", { message: describeError(error).message })}</Notice>
        ) : (
          <div
            className={`grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] ${quadrant.isPlaceholderData ? "opacity-60" : ""}`}
            aria-busy={quadrant.isPlaceholderData || undefined}
          >
            {/* Each card hydrates in a task of its own (HydrateApart). */}
            <HydrateApart>
              <QuadrantCard data={data} empty={empty} exportBase={unitName} onOpen={open} />
            </HydrateApart>
            <HydrateApart>
              <FlaggedList flagged={data ? (empty ? [] : data.flagged) : undefined} total={data?.flaggedTotal} onDrill={f.setUnit} />
            </HydrateApart>
          </div>
        )}
      </div>
    </ChartExportScopeProvider>
  );
}
