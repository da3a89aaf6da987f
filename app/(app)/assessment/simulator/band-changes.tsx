"use client";

import { useTranslations } from "next-intl";
import { Link } from "~/app/_components/ui/link";
import { CardState, chartState } from "~/app/_components/charts/chart-state";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";
import { formatScore } from "~/app/_lib/categories";
import { bandChanges, bandMove, type SimulatedRow } from "./slope-data";
import { moveColors } from "./slope-card";

/** The units whose grade band the chosen weight changes: band and rank now → at, with the two year means. */
export function BandChanges({ rows }: { rows: SimulatedRow[] | undefined }) {
  const t = useTranslations("assessmentSimulator");
  const tg = useTranslations("grades");
  const changed = rows ? bandChanges(rows) : undefined;
  const th = "py-1.5 pr-2 font-normal";
  return (
    <Card data-testid="simulator-changes">
      <CardHeader title={t("changesTitle", { count: changed?.length ?? 0 })} description={t("changesDesc")} />
      <CardState
        look="line"
        state={chartState({ loading: !changed && t("loading"), empty: changed?.length === 0 && { message: t("changesEmpty") } })}
      >
        {() =>
          changed && (
            <div className="overflow-x-auto">
              <Table>
                <THead>
                  <TR className="text-left text-xs text-neutral-500">
                    <TH scope="col" className={`${th} pl-4`}>
                      {t("table.unit")}
                    </TH>
                    <TH scope="col" className={th}>
                      {t("table.band")}
                    </TH>
                    <TH scope="col" className={`${th} num`}>
                      {t("table.rank")}
                    </TH>
                    <TH scope="col" className={`${th} num`}>
                      {t("table.business")}
                    </TH>
                    <TH scope="col" className={`${th} num pr-4`}>
                      {t("table.party")}
                    </TH>
                  </TR>
                </THead>
                <TBody>
                  {changed.map((r) => {
                    const move = bandMove(r);
                    return (
                      <TR key={r.unitId} className="border-t border-neutral-100" data-unit={r.unitId} data-move={move}>
                        <TD className="py-1.5 pl-4 pr-2">
                          <Link href={`/units/${r.unitId}`} className="text-party hover:underline">
                            {r.name}
                          </Link>
                          {r.businessOverParty ? <span className="ml-2 text-xs text-neutral-500">{t("quadrantTag")}</span> : null}
                        </TD>
                        <TD className="py-1.5 pr-2 whitespace-nowrap">
                          {tg(r.bandNow)} →{" "}
                          <span className="font-medium" style={{ color: moveColors[move === "up" ? "up" : "down"] }}>
                            {tg(r.bandAt)} {move === "up" ? t("moveUp") : t("moveDown")}
                          </span>
                        </TD>
                        <TD className="num py-1.5 pr-2 whitespace-nowrap">
                          {r.rankNow} → {r.rankAt}
                        </TD>
                        <TD className="num py-1.5 pr-2">{formatScore(r.business)}</TD>
                        <TD className="num py-1.5 pr-4">{formatScore(r.party)}</TD>
                      </TR>
                    );
                  })}
                </TBody>
              </Table>
            </div>
          )
        }
      </CardState>
    </Card>
  );
}

/** The graded units left out for want of both year means (无数据). */
export function NoDataUnits({ units }: { units: { unitId: number; name: string }[] | undefined }) {
  const t = useTranslations("assessmentSimulator");
  if (!units?.length) return null;
  return (
    <Card data-testid="simulator-no-data">
      <CardHeader title={t("noDataTitle", { count: units.length })} description={t("noDataDesc")} />
      <p className="px-4 py-3 text-sm text-neutral-700">{units.map((u) => u.name).join("、")}</p>
    </Card>
  );
}
