"use client";

import { useLocale, useTranslations } from "next-intl";
import { Link } from "~/app/_components/ui/link";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { formatQuarter } from "~/lib/quarter";
import type { CaseDashboard } from "~/app/_lib/api-types";
import { Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";
import { casesHref } from "~/app/(app)/cases/params";

/** Units with two or more cases in range: each links to its case list, and can become the dashboard's subtree root. */
export function RepeatedUnitsCard({
  units,
  rootId,
  onDrill,
}: {
  units: CaseDashboard["repeatedUnits"];
  rootId: number;
  onDrill: (unitId: number) => void;
}) {
  const t = useTranslations("caseDashboard");
  const locale = useLocale();
  const th = "px-3 py-2 font-medium";
  return (
    <Card data-testid="case-repeated-units">
      <CardHeader title={t("repeated.title")} description={t("repeated.desc")} />
      {units.length === 0 ? (
        <p className="px-4 py-3 text-sm text-neutral-500">{t("repeated.none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <Table data-testid="repeated-table">
            <THead className="bg-neutral-50 text-left text-xs text-neutral-600">
              <TR>
                <TH scope="col" className={th}>
                  {t("columns.unit")}
                </TH>
                <TH scope="col" className={`${th} num`}>
                  {t("columns.count")}
                </TH>
                <TH scope="col" className={th}>
                  {t("columns.lastQuarter")}
                </TH>
                <TH scope="col" className={th}>
                  {t("columns.actions")}
                </TH>
              </TR>
            </THead>
            <TBody className="divide-y divide-neutral-100">
              {units.map((u) => (
                <TR key={u.unitId} data-unit={u.unitId}>
                  <TD className="px-3 py-1.5">
                    <Link className="text-party hover:underline" href={casesHref({ unitId: u.unitId })}>
                      {u.unitName}
                    </Link>
                  </TD>
                  <TD className="num px-3 py-1.5">{u.count}</TD>
                  <TD className="px-3 py-1.5 whitespace-nowrap">{formatQuarter(u.lastQuarter, locale)}</TD>
                  <TD className="px-3 py-1.5 whitespace-nowrap">
                    <Link className="mr-3 text-neutral-700 hover:underline" href={casesHref({ unitId: u.unitId })}>
                      {t("repeated.cases")}
                    </Link>
                    {u.unitId !== rootId ? (
                      <button type="button" className="text-neutral-700 hover:underline" onClick={() => onDrill(u.unitId)}>
                        {t("repeated.drill")}
                      </button>
                    ) : null}
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </div>
      )}
    </Card>
  );
}
