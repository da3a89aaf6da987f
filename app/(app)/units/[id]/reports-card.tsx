import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "~/app/_components/ui/link";
import { Badge } from "~/app/_components/ui/badge";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { formatScore } from "~/app/_lib/categories";
import { statusTone } from "~/app/_lib/status";
import type { PageRead } from "~/app/_lib/trpc/page-read";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { formatQuarter } from "~/lib/quarter";
import { Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";
import { unitQuarterHref } from "~/app/_lib/quarter-params";

/** The unit's report of every quarter in the range, newest first: status, business score, whether late; each opens the report page. */
export async function ReportsCard({
  unitId,
  reports,
}: {
  unitId: number;
  /** One read of `report.get` per quarter of the range, newest first. */
  reports: { quarter: string; read: PageRead<RouterOutputs["report"]["get"]> }[];
}) {
  const t = await getTranslations("unitPage");
  const ts = await getTranslations("status");
  const locale = await getLocale();
  return (
    <Card data-testid="unit-reports">
      <CardHeader title={t("reportsTitle")} description={t("reportsDesc")} />
      <Table>
        <THead>
          <TR className="text-left text-xs text-neutral-500">
            <TH scope="col" className="py-1.5 pl-4 pr-2 font-normal">
              {t("quarter")}
            </TH>
            <TH scope="col" className="py-1.5 pr-2 font-normal">
              {t("status")}
            </TH>
            <TH scope="col" className="num py-1.5 pr-2 font-normal">
              {t("business")}
            </TH>
            <TH scope="col" className="py-1.5 pr-4 font-normal" />
          </TR>
        </THead>
        <TBody>
          {reports.map(({ quarter, read }) => {
            const r = read.ok ? read.data : null;
            const state = !r ? null : r.version === 0 ? "not_started" : r.status;
            return (
              <TR key={quarter} className="border-t border-neutral-100" data-quarter={quarter}>
                <TD className="py-1.5 pl-4 pr-2 whitespace-nowrap">
                  <Link href={unitQuarterHref("/report", { unit: unitId, quarter: quarter })} className="text-party hover:underline">
                    {formatQuarter(quarter, locale)}
                  </Link>
                </TD>
                <TD className="py-1.5 pr-2">
                  {state ? (
                    <Badge tone={statusTone[state]}>{ts(state)}</Badge>
                  ) : (
                    <span className="text-xs text-red-700" title={read.ok ? undefined : read.message}>
                      —
                    </span>
                  )}
                </TD>
                <TD className="num py-1.5 pr-2">{r ? formatScore(r.businessScore) : ""}</TD>
                <TD className="py-1.5 pr-4 text-xs">{r?.late ? <Badge tone="warning">{t("late")}</Badge> : null}</TD>
              </TR>
            );
          })}
        </TBody>
      </Table>
    </Card>
  );
}
