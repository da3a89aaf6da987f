"use client";

import { useTranslations } from "next-intl";
import { ChartFrame } from "~/app/_components/charts/chart-frame";
import { chartState } from "~/app/_components/charts/chart-state";
import { lazyChart } from "~/app/_components/charts/lazy-chart";
import { Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";
import { formatScore } from "~/app/_lib/categories";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { grades, officerOutcomeKinds, type Grade } from "~/lib/codes";
import { isBusinessOverParty } from "~/lib/scoring/quadrant-cutoff";
import { axisDomain } from "../../dashboard/quadrant/quadrant-data";
import { gradedQuadrantData } from "./dashboard-data";
import { gradeColors, outcomeColors, ungradedColor } from "./grade-colors";

const QuadrantScatterChart = lazyChart(
  () => import("~/app/_components/charts/chart-scatter-quadrant"),
  "h-96 animate-pulse rounded bg-neutral-50",
);

type GradeQuadrant = RouterOutputs["assessment"]["gradeQuadrant"];

function useQuadrantLabels() {
  const t = useTranslations("assessmentDashboard");
  return {
    x: t("business"),
    y: t("party"),
    quadrants: {
      highBizLowParty: t("quadrants.highBizLowParty"),
      highBoth: t("quadrants.highBoth"),
      lowBoth: t("quadrants.lowBoth"),
      lowBizHighParty: t("quadrants.lowBizHighParty"),
    },
  };
}

const linesOf = (data: GradeQuadrant | undefined) =>
  data && data.thresholds.business !== null && data.thresholds.party !== null
    ? { business: data.thresholds.business, party: data.thresholds.party }
    : null;

const domainOf = (data: GradeQuadrant, th: { business: number; party: number }) => ({
  x: axisDomain([...data.points.map((p) => p.business), th.business]),
  y: axisDomain([...data.points.map((p) => p.party), th.party]),
});

/** 重业务轻党建 by grade: the year's quadrant with each unit coloured by its frozen grade (grey while the year is rated). */
export function GradeQuadrantCard({ data, error, staff }: { data: GradeQuadrant | undefined; error: string | null; staff: boolean }) {
  const t = useTranslations("assessmentDashboard");
  const tg = useTranslations("grades");
  const labels = useQuadrantLabels();
  const th = linesOf(data);
  const gradeName = (g: Grade | null) => (g ? tg(g) : t("noGrade"));
  const chartData = data
    ? gradedQuadrantData(data.points, {
        unit: t("unit"),
        business: t("business"),
        party: t("party"),
        grade: t("grade"),
        gradeName,
        quadrant: t("quadrants.highBizLowParty"),
        flagged: (p) => (th && isBusinessOverParty(p, th) ? t("yes") : ""),
      })
    : undefined;
  return (
    <ChartFrame
      testId="assessment-grade-quadrant"
      title={t("quadrantTitle", { year: data?.year ?? "" })}
      description={data && !data.frozen ? t("quadrantRating") : t("quadrantDesc")}
      exportName={`${t("quadrantExport")}_${data?.unitName ?? ""}_${data?.year ?? ""}`}
      data={chartData}
      legend={[...grades.map((g) => ({ label: tg(g), color: gradeColors[g] })), { label: t("noGrade"), color: ungradedColor }]}
      state={chartState({
        loading: error ? false : !data && t("loading"),
        empty: error
          ? { message: error }
          : staff
            ? { message: t("staffQuadrant") }
            : data && (data.points.length === 0 || !th) && { message: t("noScores", { year: data.year }) },
      })}
      stateHeight="h-96"
    >
      {() =>
        data &&
        th && (
          <QuadrantScatterChart
            testId="assessment-grade-quadrant-chart"
            dots={data.points.map((p) => ({
              id: p.unitId,
              name: p.name,
              label: data.points.length <= 12 ? p.name : "",
              business: p.business,
              party: p.party,
              flagged: isBusinessOverParty(p, th),
              color: p.grade ? gradeColors[p.grade] : ungradedColor,
            }))}
            thresholds={th}
            domain={domainOf(data, th)}
            labels={labels}
          />
        )
      }
    </ChartFrame>
  );
}

/** 提拔/表彰书记所在单位的象限位置: the year's outcomes placed at their secretary's unit, with the share from the 重业务轻党建 corner. */
export function OutcomesCard({ data, error, staff }: { data: GradeQuadrant | undefined; error: string | null; staff: boolean }) {
  const t = useTranslations("assessmentDashboard");
  const tg = useTranslations("grades");
  const labels = useQuadrantLabels();
  const th = linesOf(data);
  const placed = data?.outcomes.filter((o) => o.business !== null && o.party !== null) ?? [];
  const corner = placed.filter((o) => o.businessOverParty).length;
  const kindName = (k: (typeof officerOutcomeKinds)[number]) => t(`outcomes.${k}`);
  const chartData = data
    ? {
        columns: [
          { key: "person", label: t("person") },
          { key: "kind", label: t("outcome") },
          { key: "decidedOn", label: t("decidedOn") },
          { key: "unit", label: t("unit") },
          { key: "business", label: t("business") },
          { key: "party", label: t("party") },
          { key: "quadrant", label: t("quadrants.highBizLowParty") },
          { key: "grade", label: t("grade") },
        ],
        rows: data.outcomes.map((o) => ({
          person: o.personName,
          kind: kindName(o.kind),
          decidedOn: o.decidedOn,
          unit: o.unitName,
          business: o.business,
          party: o.party,
          quadrant: o.businessOverParty === null ? t("noData") : o.businessOverParty ? t("yes") : "",
          grade: o.grade ? tg(o.grade) : data.frozen ? "" : t("noGradeYet"),
        })),
      }
    : undefined;
  const outcomeIds = new Set(placed.map((o) => o.unitId));
  return (
    <ChartFrame
      testId="assessment-outcomes"
      title={t("outcomesTitle", { year: data?.year ?? "" })}
      description={data && placed.length ? t("outcomesSummary", { count: placed.length, corner }) : t("outcomesDesc")}
      exportName={`${t("outcomesExport")}_${data?.unitName ?? ""}_${data?.year ?? ""}`}
      data={chartData}
      legend={[
        ...officerOutcomeKinds.map((k) => ({ label: kindName(k), color: outcomeColors[k] })),
        { label: t("otherUnits"), color: "#d4d4d4" },
      ]}
      state={chartState({
        loading: error ? false : !data && t("loading"),
        empty: error
          ? { message: error }
          : staff
            ? { message: t("staffQuadrant") }
            : data && (data.outcomes.length === 0 || !th) && { message: t("noOutcomes", { year: data.year }) },
      })}
      stateHeight="h-96"
    >
      {() =>
        data &&
        th && (
          <>
            <QuadrantScatterChart
              testId="assessment-outcomes-chart"
              dots={[
                ...data.points
                  .filter((p) => !outcomeIds.has(p.unitId))
                  .map((p) => ({
                    id: p.unitId,
                    name: p.name,
                    label: "",
                    business: p.business,
                    party: p.party,
                    flagged: false,
                    color: "#d4d4d4",
                  })),
                ...placed.map((o) => ({
                  id: -o.outcomeId, // two outcomes may sit at one unit: each its own dot
                  name: `${o.personName}（${o.unitName}）`,
                  label: o.personName,
                  business: o.business!,
                  party: o.party!,
                  flagged: !!o.businessOverParty,
                  color: outcomeColors[o.kind],
                })),
              ]}
              thresholds={th}
              domain={domainOf(data, th)}
              labels={labels}
            />
            <Table>
              <THead>
                <TR className="text-left text-xs text-neutral-500">
                  <TH scope="col" className="py-1.5 pl-2 pr-2 font-normal">
                    {t("person")}
                  </TH>
                  <TH scope="col" className="py-1.5 pr-2 font-normal">
                    {t("outcome")}
                  </TH>
                  <TH scope="col" className="py-1.5 pr-2 font-normal">
                    {t("unit")}
                  </TH>
                  <TH scope="col" className="num py-1.5 pr-2 font-normal">
                    {t("business")}
                  </TH>
                  <TH scope="col" className="num py-1.5 pr-2 font-normal">
                    {t("party")}
                  </TH>
                  <TH scope="col" className="py-1.5 pr-2 font-normal">
                    {t("grade")}
                  </TH>
                </TR>
              </THead>
              <TBody>
                {data.outcomes.map((o) => (
                  <TR key={o.outcomeId} className="border-t border-neutral-100" data-outcome={o.outcomeId}>
                    <TD className="py-1.5 pl-2 pr-2">{o.personName}</TD>
                    <TD className="py-1.5 pr-2" style={{ color: outcomeColors[o.kind] }}>
                      {kindName(o.kind)}
                    </TD>
                    <TD className="py-1.5 pr-2">
                      {o.unitName}
                      {o.businessOverParty ? <span className="ml-2 text-xs text-party">{t("quadrants.highBizLowParty")}</span> : null}
                    </TD>
                    <TD className="num py-1.5 pr-2">{formatScore(o.business)}</TD>
                    <TD className="num py-1.5 pr-2">{formatScore(o.party)}</TD>
                    <TD className="py-1.5 pr-2">{o.grade ? tg(o.grade) : data.frozen ? "—" : t("noGradeYet")}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          </>
        )
      }
    </ChartFrame>
  );
}
