"use client";

import { useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { useTranslations } from "next-intl";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { Notice } from "~/app/_components/ui/notice";
import { describeError } from "~/app/_lib/trpc/errors";
import { useTRPC } from "~/app/_lib/trpc/react";
import { AssessmentTabs } from "../../assessment-tabs";
import { DecideActions } from "../../duty/decide-actions";
import { CopiedNotice, DutyReportStatusLine, DutyReportView } from "../../duty/duty-report-view";
import { YearSelect } from "../../duty/year-select";
import { assessmentParsers } from "../../params";
import { AppraisalForm } from "./appraisal-form";
import { CommentForm } from "./comment-form";
import { CommentItems } from "./comment-items";

/** The page's parts: the duty report (read-only, with 通过/退回), the appraisal, the comment and its items. */
export function UnitYearClient(props: { unitId: number; defaultYear: number; canManage: boolean; ownUnitOnly: boolean }) {
  const t = useTranslations("assessmentInputs");
  const trpc = useTRPC();
  const [params, setParams] = useQueryStates(assessmentParsers, { history: "push", scroll: false });
  const year = params.year ?? props.defaultYear;
  const { data, error } = useQuery(trpc.assessment.getUnitYear.queryOptions({ year, unitId: props.unitId }));
  return (
    <div className="space-y-4">
      <h1 className="text-lg font-semibold">{data ? t("title", { unit: data.unit.name, year }) : t("titleLoading")}</h1>
      <AssessmentTabs canManage={props.canManage} ownUnitOnly={props.ownUnitOnly} />
      {error ? (
        <p role="alert" className="text-sm text-red-800">
          {describeError(error).message}
        </p>
      ) : !data ? (
        <p className="text-sm text-neutral-500">{t("loading")}</p>
      ) : (
        <>
          <div className="flex flex-wrap items-center gap-4 text-sm">
            <YearSelect year={year} years={data.years} onChange={(y) => void setParams({ year: y })} />
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
