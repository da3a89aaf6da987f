"use client";

import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { formatQuarter } from "~/lib/quarter";
import type { CaseDashboard } from "~/app/_lib/api-types";

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
          <table className="w-full text-sm" data-testid="repeated-table">
            <thead className="bg-neutral-50 text-left text-xs text-neutral-600">
              <tr>
                <th scope="col" className={th}>
                  {t("columns.unit")}
                </th>
                <th scope="col" className={`${th} num`}>
                  {t("columns.count")}
                </th>
                <th scope="col" className={th}>
                  {t("columns.lastQuarter")}
                </th>
                <th scope="col" className={th}>
                  {t("columns.actions")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-100">
              {units.map((u) => (
                <tr key={u.unitId} data-unit={u.unitId}>
                  <td className="px-3 py-1.5">
                    <Link className="text-party hover:underline" href={`/cases?unit=${u.unitId}`}>
                      {u.unitName}
                    </Link>
                  </td>
                  <td className="num px-3 py-1.5">{u.count}</td>
                  <td className="px-3 py-1.5 whitespace-nowrap">{formatQuarter(u.lastQuarter, locale)}</td>
                  <td className="px-3 py-1.5 whitespace-nowrap">
                    <Link className="mr-3 text-neutral-700 hover:underline" href={`/cases?unit=${u.unitId}`}>
                      {t("repeated.cases")}
                    </Link>
                    {u.unitId !== rootId ? (
                      <button type="button" className="text-neutral-700 hover:underline" onClick={() => onDrill(u.unitId)}>
                        {t("repeated.drill")}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
