"use client";

import { useTranslations } from "next-intl";
import { useQueryStates } from "nuqs";
import { useTransition } from "react";
import { ChartExportScopeProvider } from "~/app/_components/charts/export-meta";
import { Notice } from "~/app/_components/ui/notice";
import type { PickedUnit } from "~/app/_components/unit-picker/unit-picker";
import type { PageRead } from "~/app/_lib/trpc/page-read";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { AssessmentTabs } from "../assessment-tabs";
import { AdoptWeight } from "./adopt-weight";
import { BandChanges, NoDataUnits } from "./band-changes";
import { simulatorParsers, weightFromPercent } from "./params";
import { SimulatorControls } from "./controls";
import { SlopeCard } from "./slope-card";
import { percent, simulationSummary } from "./slope-data";

type Assessment = RouterOutputs["assessment"];

/** What the server read for the URL's year, subtree and weight (null for staff, who see no simulator). */
export type SimulatorReads = {
  setup: PageRead<Assessment["simulatorSetup"]>;
  /** The simulation at `weight`; null when there is no weight to simulate (no setup). */
  sim: PageRead<Assessment["simulate"]> | null;
  weight: number | null;
  /** The subtree root (the unit field's text). */
  unit: PickedUnit | null;
} | null;

/**
 * The simulator: controls, the summary line, the slope chart, the units changing band, the units
 * without data, 采用此权重 (admin). Everything shown is read on the server for the URL; the controls
 * change the URL (a server render in a transition) and the slider follows the URL at once, the
 * shown simulation dimmed until the one for the new weight arrives.
 */
export function SimulatorClient(props: {
  defaults: { year: number; unitId: number };
  reads: SimulatorReads;
  years: number[];
  staff: boolean;
  canAdopt: boolean;
}) {
  const t = useTranslations("assessmentSimulator");
  const tc = useTranslations("common");
  const [pending, startTransition] = useTransition();
  const [params, setParams] = useQueryStates(simulatorParsers, { history: "replace", scroll: false, shallow: false, startTransition });
  const year = params.year ?? props.defaults.year;
  const unitId = params.unit ?? props.defaults.unitId;
  const { reads } = props;
  const setupData = reads?.setup.ok ? reads.setup.data : undefined;
  const now = setupData?.cycle.partyWeight;
  // The slider follows the URL at once; the rows and the summary are those of the weight the server simulated.
  const weight = weightFromPercent(params.w) ?? now;
  const shownWeight = reads?.weight ?? undefined;
  const error = reads && !reads.setup.ok ? reads.setup.message : reads?.sim && !reads.sim.ok ? reads.sim.message : null;
  const rows = reads?.sim?.ok ? reads.sim.data : undefined;
  const summary = rows && now !== undefined && shownWeight !== undefined ? simulationSummary(rows) : null;
  const exportScope = setupData ? { scope: t("scope", { name: setupData.unitName }), range: t("yearLabel", { year }) } : null;

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
              unit={reads?.unit ?? null}
              weight={weight}
              adopted={now}
              onYear={(y) => void setParams({ year: y, w: null })}
              onUnit={(u) => void setParams({ unit: u })}
              onWeight={(w) => void setParams({ w: percent(w) })}
            />
            {error ? (
              <Notice tone="error">{tc("error", { message: error })}</Notice>
            ) : (
              <>
                {summary && now !== undefined && shownWeight !== undefined ? (
                  <p className="text-sm text-neutral-800" data-testid="simulator-summary">
                    {shownWeight === now
                      ? t("summarySame", { now: percent(now) })
                      : t("summary", {
                          direction: shownWeight > now ? "up" : "down",
                          now: percent(now),
                          at: percent(shownWeight),
                          changed: summary.changed,
                          up: summary.up,
                          down: summary.down,
                          quadrantDown: summary.quadrantDown,
                        })}
                  </p>
                ) : null}
                {setupData ? (
                  <p className="text-xs text-neutral-500" data-testid="simulator-bands-rule">
                    {setupData.cycle.quotas.fairlyGood === null
                      ? t("bandsRule", {
                          good: percent(setupData.cycle.quotas.good),
                          fairlyGood: setupData.cycle.thresholds.fairlyGood,
                          average: setupData.cycle.thresholds.average,
                        })
                      : t("bandsRuleFairlyQuota", {
                          good: percent(setupData.cycle.quotas.good),
                          fairlyQuota: percent(setupData.cycle.quotas.fairlyGood),
                          average: setupData.cycle.thresholds.average,
                        })}
                  </p>
                ) : null}
                <div className={`space-y-3 ${pending ? "opacity-60" : ""}`} aria-busy={pending || undefined}>
                  <SlopeCard rows={rows} now={now} at={shownWeight} year={year} unitName={setupData?.unitName ?? ""} />
                  <BandChanges rows={rows} />
                  <NoDataUnits units={setupData?.noData} />
                </div>
                {props.canAdopt && setupData && weight !== undefined ? (
                  <AdoptWeight year={year} weight={weight} cycle={setupData.cycle} />
                ) : null}
              </>
            )}
          </>
        )}
      </div>
    </ChartExportScopeProvider>
  );
}
