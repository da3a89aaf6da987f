"use client";

import { useQueryStates } from "nuqs";
import { useTranslations } from "next-intl";
import { AssessmentTabs } from "../assessment-tabs";
import { dutyParsers } from "./params";
import { DutyEditor } from "./duty-editor";
import { DutyList } from "./duty-list";

/** The 述职报告 tab: the unit's own report editor (staff) or the subtree's list (the level above). */
export function DutyClient(props: {
  defaultYear: number;
  ownUnitId: number;
  mode: "editor" | "list";
  canManage: boolean;
  ownUnitOnly: boolean;
}) {
  const t = useTranslations("dutyReports");
  const [params, setParams] = useQueryStates(dutyParsers, { history: "push", scroll: false });
  const year = params.year ?? props.defaultYear;
  const setYear = (y: number) => void setParams({ year: y });
  return (
    <div className="space-y-4">
      <h1 className="text-lg font-semibold">{t("title")}</h1>
      <AssessmentTabs canManage={props.canManage} ownUnitOnly={props.ownUnitOnly} />
      {props.mode === "editor" ? (
        <DutyEditor key={year} year={year} unitId={props.ownUnitId} onYear={setYear} />
      ) : (
        <DutyList
          year={year}
          unitId={params.unit ?? props.ownUnitId}
          status={params.status}
          onYear={setYear}
          onStatus={(status) => void setParams({ status })}
        />
      )}
    </div>
  );
}
