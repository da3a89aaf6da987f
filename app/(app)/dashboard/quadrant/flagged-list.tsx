import { getTranslations } from "next-intl/server";
import { Link } from "~/app/_components/ui/link";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { formatScore } from "~/app/_lib/categories";
import { gapOf, type QuadrantPoint } from "./quadrant-data";
import { Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";
import { CardState, chartState } from "~/app/_components/charts/chart-state";
import { DrillButton } from "./drill-button";

/**
 * The 重业务轻党建 units beside the chart (as the server lists them: largest gap first). A name
 * drills down when the unit has units below it, else opens its unit page; both are offered.
 * Server HTML: only the drill buttons hydrate.
 */
export async function FlaggedList({
  flagged,
  total,
}: {
  flagged: QuadrantPoint[];
  /** How many there are, when the server lists only the largest gaps (many units). */
  total?: number;
}) {
  const [t, td] = await Promise.all([getTranslations("quadrant"), getTranslations("quadrantDensity")]);
  const shownOnly = total !== undefined && total > flagged.length && flagged.length > 0;
  return (
    <Card data-testid="quadrant-flagged" className="border-t-2 border-t-party">
      <CardHeader title={t("listTitle", { count: shownOnly ? total : flagged.length })} description={t("listDesc")} />
      {shownOnly ? (
        <p className="px-4 pt-2 text-xs text-neutral-700" data-testid="quadrant-flagged-shown">
          {td("listShown", { shown: flagged.length, total })}
        </p>
      ) : null}
      <CardState look="line" state={chartState({ loading: false, empty: flagged.length === 0 && { message: t("listEmpty") } })}>
        {() => (
          // Many units: the list scrolls beside the chart instead of stretching the page.
          <div className={shownOnly ? "max-h-[36rem] overflow-y-auto" : undefined} data-testid="quadrant-flagged-scroll">
            <Table>
              <THead>
                <TR className="text-left text-xs text-neutral-500">
                  <TH scope="col" className="py-1.5 pl-4 pr-1 font-normal">
                    {t("rank")}
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
                  <TH scope="col" className="num py-1.5 pr-4 font-normal">
                    {t("gap")}
                  </TH>
                </TR>
              </THead>
              <TBody>
                {flagged.map((p, i) => (
                  <TR key={p.id} className="border-t border-neutral-100 align-top" data-unit={p.id}>
                    <TD className="num py-1.5 pl-4 pr-1 text-neutral-500">{i + 1}</TD>
                    <TD className="py-1.5 pr-2">
                      {p.hasChildren ? (
                        <DrillButton unitId={p.id} title={t("drillTo", { name: p.name })}>
                          {p.name}
                        </DrillButton>
                      ) : (
                        <Link href={`/units/${p.id}`} className="text-party hover:underline" title={t("openUnit", { name: p.name })}>
                          {p.name}
                        </Link>
                      )}
                      {p.hasChildren ? (
                        <Link href={`/units/${p.id}`} className="ml-2 whitespace-nowrap text-xs text-neutral-500 hover:underline">
                          {t("unitPage")}
                        </Link>
                      ) : null}
                    </TD>
                    <TD className="num py-1.5 pr-2">{formatScore(p.business)}</TD>
                    <TD className="num py-1.5 pr-2">{formatScore(p.party)}</TD>
                    <TD className="num py-1.5 pr-4 font-medium text-party">{formatScore(gapOf(p))}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          </div>
        )}
      </CardState>
    </Card>
  );
}
