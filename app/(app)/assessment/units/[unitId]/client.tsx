"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { Notice } from "~/app/_components/ui/notice";
import { cn } from "~/app/_lib/cn";
import type { PageRead } from "~/app/_lib/trpc/page-read";
import { AssessmentTabs } from "../../assessment-tabs";
import { DecideActions } from "../../duty/decide-actions";
import { CopiedNotice, DutyReportStatusLine, DutyReportView } from "../../duty/duty-report-view";
import { YearSelect } from "../../duty/year-select";
import type { UnitYear } from "../../duty/types";
import { unitYearHref } from "../../params";
import { AppraisalForm } from "./appraisal-form";
import { CommentForm } from "./comment-form";
import { CommentItems } from "./comment-items";

/**
 * The page's parts, read on the server: the duty report (read-only, with 通过/退回), the appraisal,
 * the comment and its items. Another year navigates; the shown year stays, dimmed, until it arrives.
 */
export function UnitYearClient(props: {
  unitId: number;
  year: number;
  unitYear: PageRead<UnitYear>;
  canManage: boolean;
  ownUnitOnly: boolean;
}) {
  const t = useTranslations("assessmentInputs");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const { year } = props;
  const data = props.unitYear.ok ? props.unitYear.data : null;
  return (
    <div className={cn("space-y-4 transition-opacity", pending && "opacity-60")} aria-busy={pending || undefined}>
      <h1 className="text-lg font-semibold">{data ? t("title", { unit: data.unit.name, year }) : t("titleLoading")}</h1>
      <AssessmentTabs canManage={props.canManage} ownUnitOnly={props.ownUnitOnly} />
      {!props.unitYear.ok ? (
        <p role="alert" className="text-sm text-red-800">
          {props.unitYear.message}
        </p>
      ) : !data ? null : (
        <>
          <div className="flex flex-wrap items-center gap-4 text-sm">
            <YearSelect
              year={year}
              years={data.years}
              onChange={(y) => startTransition(() => router.push(unitYearHref(props.unitId, y), { scroll: false }))}
            />
            <span className="text-neutral-700">{data.secretary ? t("secretary", { name: data.secretary.name }) : t("noSecretary")}</span>
            <span className="text-neutral-700">
              {data.cycle ? t("cycleStatus", { status: t(`cycleStatuses.${data.cycle.status}`) }) : t("noCycle", { year })}
            </span>
          </div>
          {data.cycle && !data.can.assess && data.cycle.status !== "open" && data.cycle.status !== "rating" ? (
            <Notice>{t("readOnlyYear", { year })}</Notice>
          ) : null}

          <Card data-testid="unit-duty-report">
            <CardHeader
              title={t("dutyReportTitle")}
              actions={data.can.decideDutyReport ? <DecideActions year={year} unitId={data.unit.id} unitName={data.unit.name} /> : null}
            />
            <div className="space-y-3 px-4 py-3">
              <DutyReportStatusLine data={data} />
              {data.dutyReport?.returnReason && data.dutyReport.status === "returned" ? (
                <Notice>{t("returnedBecause", { reason: data.dutyReport.returnReason })}</Notice>
              ) : null}
              {data.dutyReport ? <CopiedNotice report={data.dutyReport} /> : null}
              <DutyReportView data={data} />
            </div>
          </Card>

          <AppraisalForm key={`a-${year}`} data={data} />
          <CommentForm key={`c-${year}`} data={data} />
          <CommentItems data={data} />
        </>
      )}
    </div>
  );
}
