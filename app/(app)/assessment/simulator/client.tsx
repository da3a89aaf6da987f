"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useQueryStates } from "nuqs";
import { ChartExportScopeProvider } from "~/app/_components/charts/export-meta";
import { Notice } from "~/app/_components/ui/notice";
import { describeError } from "~/app/_lib/trpc/errors";
import { useTRPC } from "~/app/_lib/trpc/react";
import { AssessmentTabs } from "../assessment-tabs";
import { AdoptWeight } from "./adopt-weight";
import { BandChanges, NoDataUnits } from "./band-changes";
import { simulatorParsers, weightFromPercent } from "./params";
import { SimulatorControls } from "./controls";
import { SlopeCard } from "./slope-card";
import { percent, simulationSummary } from "./slope-data";

/** The simulator: controls, the summary line, the slope chart, the units changing band, the units without data, 采用此权重 (admin). */
export function SimulatorClient(props: { defaults: { year: number; unitId: number }; years: number[]; staff: boolean; canAdopt: boolean }) {
  const t = useTranslations("assessmentSimulator");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const [params, setParams] = useQueryStates(simulatorParsers, { history: "replace", scroll: false });
  const year = params.year ?? props.defaults.year;
  const unitId = params.unit ?? props.defaults.unitId;
  const setup = useQuery({
    ...trpc.assessment.simulatorSetup.queryOptions({ year, unitId }),
    enabled: !props.staff,
    placeholderData: keepPreviousData,
  });
  const now = setup.data?.cycle.partyWeight;
  const weight = weightFromPercent(params.w) ?? now;
  const sim = useQuery({
    ...trpc.assessment.simulate.queryOptions({ year, unitId, partyWeight: weight ?? 0 }),
    enabled: !props.staff && weight !== undefined,
    placeholderData: keepPreviousData,
  });
  const error = setup.error ?? sim.error;
  const rows = sim.data;
  const summary = rows && now !== undefined && weight !== undefined ? simulationSummary(rows) : null;
  const exportScope = setup.data ? { scope: t("scope", { name: setup.data.unitName }), range: t("yearLabel", { year }) } : null;

  return (
    <ChartExportScopeProvider value={exportScope}>
      <div className="space-y-3">
        <AssessmentTabs canManage={props.canAdopt} ownUnitOnly={props.staff} />
        <h1 className="text-lg font-semibold">{t("heading")}</h1>
        {props.staff ? (
          <Notice>{t("staff")}</Notice>
        ) : (
          <>
            <SimulatorControls
              years={props.years}
              year={year}
              unitId={unitId}
              weight={weight}
              adopted={now}
              onYear={(y) => void setParams({ year: y, w: null })}
              onUnit={(u) => void setParams({ unit: u })}
              onWeight={(w) => void setParams({ w: percent(w) })}
            />
            {error ? (
              <Notice tone="error">{tc("error", { message: describeError(error).message })}</Notice>
            ) : (
              <>
                {summary && now !== undefined && weight !== undefined ? (
                  <p className="text-sm text-neutral-800" data-testid="simulator-summary">
                    {weight === now
                      ? t("summarySame", { now: percent(now) })
                      : t("summary", {
                          direction: weight > now ? "up" : "down",
                          now: percent(now),
                          at: percent(weight),
                          changed: summary.changed,
                          up: summary.up,
                          down: summary.down,
                          quadrantDown: summary.quadrantDown,
                        })}
                  </p>
                ) : null}
                {setup.data ? (
                  <p className="text-xs text-neutral-500" data-testid="simulator-bands-rule">
                    {setup.data.cycle.quotas.fairlyGood === null
                      ? t("bandsRule", {
                          good: percent(setup.data.cycle.quotas.good),
                          fairlyGood: setup.data.cycle.thresholds.fairlyGood,
                          average: setup.data.cycle.thresholds.average,
                        })
                      : t("bandsRuleFairlyQuota", {
                          good: percent(setup.data.cycle.quotas.good),
                          fairlyQuota: percent(setup.data.cycle.quotas.fairlyGood),
                          average: setup.data.cycle.thresholds.average,
                        })}
                  </p>
                ) : null}
                <div className={`space-y-3 ${sim.isPlaceholderData ? "opacity-60" : ""}`} aria-busy={sim.isPlaceholderData || undefined}>
                  <SlopeCard rows={rows} now={now} at={weight} year={year} unitName={setup.data?.unitName ?? ""} />
                  <BandChanges rows={rows} />
                  <NoDataUnits units={setup.data?.noData} />
                </div>
                {props.canAdopt && setup.data && weight !== undefined ? (
                  <AdoptWeight year={year} weight={weight} cycle={setup.data.cycle} />
                ) : null}
              </>
            )}
          </>
        )}
      </div>
    </ChartExportScopeProvider>
  );
}
