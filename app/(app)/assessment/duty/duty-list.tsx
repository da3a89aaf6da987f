"use client";

import { useLocale, useTranslations } from "next-intl";
import { Link } from "~/app/_components/ui/link";
import { Badge } from "~/app/_components/ui/badge";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";
import { formatDateTime } from "~/app/_lib/format-date";
import type { PageRead } from "~/app/_lib/trpc/page-read";
import { unitYearHref } from "../params";
import { DecideActions } from "./decide-actions";
import type { DutyReportStatus } from "~/lib/codes";
import { dutyStatusTone, type DutyReportList } from "./types";
import { YearSelect } from "./year-select";

/** The year's duty reports of the subtree below `unitId`: status, submission, 逾期 and 雷同, with 通过/退回 where the caller decides. */
export function DutyList(props: {
  year: number;
  status: DutyReportStatus | null;
  /** The list, read on the server. */
  list: PageRead<DutyReportList>;
  onYear: (year: number) => void;
  onStatus: (status: DutyReportStatus | null) => void;
}) {
  const t = useTranslations("dutyReports");
  const tw = useTranslations("assessmentWalk.dutyList");
  const locale = useLocale();
  if (!props.list.ok)
    return (
      <p role="alert" className="text-sm text-red-800">
        {props.list.message}
      </p>
    );
  const data = props.list.data;
  const c = data.counts;
  return (
    <Card>
      <CardHeader
        title={t("listTitle", { year: props.year })}
        description={t("listSummary", {
          total: data.total,
          none: c.none + c.draft,
          submitted: c.submitted,
          returned: c.returned,
          accepted: c.accepted,
        })}
        actions={<YearSelect year={props.year} years={data.years} onChange={props.onYear} />}
      />
      {props.status ? (
        <p className="flex items-center gap-2 px-4 py-2 text-sm" data-testid="duty-status-filter">
          {tw("onlyStatus", { status: t(`statuses.${props.status}`), n: data.rows.length })}
          <button type="button" className="text-party hover:underline" onClick={() => props.onStatus(null)}>
            {tw("showAll")}
          </button>
        </p>
      ) : null}
      {!data.cycle ? <p className="px-4 py-3 text-sm text-neutral-600">{t("noCycle", { year: props.year })}</p> : null}
      {data.rows.length === 0 ? (
        <p className="px-4 py-6 text-sm text-neutral-500">{t("listEmpty")}</p>
      ) : (
        <Table data-testid="duty-report-list">
          <THead className="text-left text-xs text-neutral-500">
            <TR>
              <TH className="py-1.5 pl-4 font-normal">{t("unit")}</TH>
              <TH className="font-normal">{t("status")}</TH>
              <TH className="font-normal">{t("submittedAtColumn")}</TH>
              <TH className="font-normal">{t("flags")}</TH>
              <TH className="pr-4" />
            </TR>
          </THead>
          <TBody>
            {data.rows.map((r) => {
              const status = r.status ?? "none";
              return (
                <TR key={r.unitId} className="border-t border-neutral-100" data-testid="duty-report-row">
                  <TD className="py-1.5 pl-4" style={{ paddingLeft: `${1 + Math.max(r.depth - 1, 0) * 1.25}rem` }}>
                    {r.unitName}
                  </TD>
                  <TD>
                    <Badge tone={dutyStatusTone[status]}>{t(`statuses.${status}`)}</Badge>
                  </TD>
                  <TD className="whitespace-nowrap">{r.submittedAt ? formatDateTime(r.submittedAt, locale) : "—"}</TD>
                  <TD className="space-x-1">
                    {r.late ? <Badge tone="warning">{t("late")}</Badge> : null}
                    {r.copied ? <Badge tone="warning">{t("copied")}</Badge> : null}
                  </TD>
                  <TD className="space-x-3 py-1 pr-4 text-right whitespace-nowrap">
                    <Link className="text-party hover:underline" href={unitYearHref(r.unitId, props.year)}>
                      {t("open")}
                    </Link>
                    {r.canDecide ? <DecideActions year={props.year} unitId={r.unitId} unitName={r.unitName} /> : null}
                  </TD>
                </TR>
              );
            })}
          </TBody>
        </Table>
      )}
      {data.total > data.rows.length ? (
        <p className="border-t border-neutral-100 px-4 py-2 text-xs text-neutral-500">{t("more", { n: data.total - data.rows.length })}</p>
      ) : null}
    </Card>
  );
}
