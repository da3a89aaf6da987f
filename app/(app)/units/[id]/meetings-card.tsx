import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "~/app/_components/ui/link";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { formatScore } from "~/app/_lib/categories";
import type { PageRead } from "~/app/_lib/trpc/page-read";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { recentMeetings } from "./unit-data";
import { formatDate } from "~/app/_lib/format-date";
import { Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";
import { CardState, chartState } from "~/app/_components/charts/chart-state";
import { unitQuarterHref } from "~/app/_lib/quarter-params";
import { ReadError } from "./read-error";

/** The unit's 20 latest meetings in the range, each linked to its record on the meetings page. */
export async function UnitMeetingsCard({ unitId, list }: { unitId: number; list: PageRead<RouterOutputs["meeting"]["list"]> }) {
  const t = await getTranslations("unitPage");
  const common = await getTranslations("common");
  const locale = await getLocale();
  const tm = await getTranslations("meetings.types");
  const rows = list.ok ? recentMeetings(list.data.meetings) : [];
  return (
    <Card data-testid="unit-meetings">
      <CardHeader
        title={t("meetingsTitle", { count: rows.length })}
        description={t("meetingsDesc")}
        actions={
          <Link
            prefetch={false}
            href={unitQuarterHref("/meetings", { unit: unitId })}
            className="shrink-0 text-sm text-party hover:underline"
          >
            {t("allMeetings")}
          </Link>
        }
      />
      {!list.ok ? (
        <ReadError message={common("error", { message: list.message })} />
      ) : (
        <CardState look="line" state={chartState({ loading: false, empty: rows.length === 0 && { message: t("meetingsEmpty") } })}>
          {
            <div className="overflow-x-auto">
              <Table>
                <THead>
                  <TR className="text-left text-xs text-neutral-500">
                    <TH scope="col" className="py-1.5 pl-4 pr-2 font-normal">
                      {t("date")}
                    </TH>
                    <TH scope="col" className="py-1.5 pr-2 font-normal">
                      {t("type")}
                    </TH>
                    <TH scope="col" className="py-1.5 pr-2 font-normal">
                      {t("topic")}
                    </TH>
                    <TH scope="col" className="num py-1.5 pr-2 font-normal whitespace-nowrap">
                      {t("attendance")}
                    </TH>
                    <TH scope="col" className="num py-1.5 pr-4 font-normal whitespace-nowrap">
                      {t("quality")}
                    </TH>
                  </TR>
                </THead>
                <TBody>
                  {rows.map((m) => (
                    <TR key={m.id} className="border-t border-neutral-100" data-meeting={m.id}>
                      <TD className="py-1.5 pl-4 pr-2 whitespace-nowrap tabular-nums">{formatDate(m.date, locale)}</TD>
                      <TD className="py-1.5 pr-2 whitespace-nowrap">{tm(m.type)}</TD>
                      <TD className="py-1.5 pr-2">
                        <Link
                          prefetch={false}
                          href={`${unitQuarterHref("/meetings", { unit: unitId, quarter: m.quarter })}#meeting-${m.id}`}
                          className="text-party hover:underline"
                        >
                          {m.topic}
                        </Link>
                      </TD>
                      <TD className="num py-1.5 pr-2">
                        {m.present}/{m.expected}
                      </TD>
                      <TD className="num py-1.5 pr-4">{formatScore(m.qualityScore)}</TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
            </div>
          }
        </CardState>
      )}
    </Card>
  );
}
