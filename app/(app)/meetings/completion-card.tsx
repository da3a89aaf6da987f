"use client";

import { useTranslations } from "next-intl";
import { Badge } from "~/app/_components/ui/badge";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { formatScore } from "~/app/_lib/categories";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";

type Completion = RouterOutputs["meeting"]["completion"];

const tone = { met: "success", short: "warning", not_required: "neutral" } as const;

/** Expected against held per meeting type this quarter, and the 三会一课 completion rate. */
export function CompletionCard({ data }: { data: Completion }) {
  const t = useTranslations("meetings");
  return (
    <Card data-testid="completion">
      <CardHeader
        title={t("completion.title")}
        description={t("completion.description")}
        actions={
          <div className="text-right">
            <div className="text-xs text-neutral-500">{t("completion.rate")}</div>
            <div className="num text-2xl font-semibold text-party" data-testid="three-one-rate">
              {data.threeOneRate === null ? "—" : `${formatScore(data.threeOneRate)}%`}
            </div>
          </div>
        }
      />
      <Table>
        <THead className="text-left text-xs text-neutral-500">
          <TR>
            <TH className="py-1.5 pl-4 font-normal">{t("completion.type")}</TH>
            <TH className="hidden font-normal sm:table-cell">{t("completion.rule")}</TH>
            <TH className="num font-normal">{t("completion.expected")}</TH>
            <TH className="num font-normal">{t("completion.held")}</TH>
            <TH className="pl-4 pr-4 font-normal">{t("completion.status")}</TH>
          </TR>
        </THead>
        <TBody>
          {data.rows.map((r) => (
            <TR key={r.type} className="border-t border-neutral-100" data-type={r.type}>
              <TD className="py-1.5 pl-4">{t(`types.${r.type}`)}</TD>
              <TD className="hidden text-neutral-600 sm:table-cell">{t(`completion.per.${r.rule.per}`, { min: r.rule.min })}</TD>
              <TD className="num">{r.expected}</TD>
              <TD className="num">
                {r.held}
                {r.window === "year" ? <span className="ml-1 text-xs text-neutral-500">{t("completion.yearToDate")}</span> : null}
                {r.recorded > r.held ? (
                  <div className="text-xs text-amber-700">{t("completion.invalid", { count: r.recorded - r.held })}</div>
                ) : null}
              </TD>
              <TD className="pl-4 pr-4">
                <Badge tone={tone[r.status]}>{t(`completion.statuses.${r.status}`)}</Badge>
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
      {data.threeOneRate === null ? <p className="px-4 py-2 text-xs text-neutral-500">{t("completion.rateNone")}</p> : null}
    </Card>
  );
}
