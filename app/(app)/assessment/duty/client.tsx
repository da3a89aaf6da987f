"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { cn } from "~/app/_lib/cn";
import type { PageRead } from "~/app/_lib/trpc/page-read";
import type { DutyReportStatus } from "~/lib/codes";
import { AssessmentTabs } from "../assessment-tabs";
import { dutyHref } from "./params";
import { DutyEditor } from "./duty-editor";
import { DutyList } from "./duty-list";
import type { DutyReportList, UnitYear } from "./types";

/** What the tab shows, read on the server: the unit's own report (staff) or the subtree's list (the level above). */
export type DutyView = { mode: "editor"; unitYear: PageRead<UnitYear> } | { mode: "list"; list: PageRead<DutyReportList> };

/** The 述职报告 tab: the unit's own report editor (staff) or the subtree's list; the year and status navigate (the shown one dims meanwhile). */
export function DutyClient(props: {
  year: number;
  unit: number | null;
  status: DutyReportStatus | null;
  view: DutyView;
  canManage: boolean;
  ownUnitOnly: boolean;
}) {
  const t = useTranslations("dutyReports");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const go = (patch: { year?: number; status?: DutyReportStatus | null }) =>
    startTransition(() =>
      router.push(dutyHref("/assessment/duty", { year: props.year, unit: props.unit, status: props.status, ...patch }), { scroll: false }),
    );
  const { view } = props;
  return (
    <div className="space-y-4">
      <h1 className="text-lg font-semibold">{t("title")}</h1>
      <AssessmentTabs canManage={props.canManage} ownUnitOnly={props.ownUnitOnly} />
      <div className={cn("transition-opacity", pending && "opacity-60")} aria-busy={pending || undefined}>
        {view.mode === "editor" ? (
          <DutyEditor key={props.year} year={props.year} unitYear={view.unitYear} onYear={(year) => go({ year })} />
        ) : (
          <DutyList
            year={props.year}
            status={props.status}
            list={view.list}
            onYear={(year) => go({ year })}
            onStatus={(status) => go({ status })}
          />
        )}
      </div>
    </div>
  );
}
