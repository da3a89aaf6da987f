"use client";

import { useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { UnitFilter } from "~/app/_components/unit-picker/unit-filter";
import type { PickedUnit } from "~/app/_components/unit-picker/unit-picker";
import { Select } from "~/app/_components/ui/select";
import type { PageRead } from "~/app/_lib/trpc/page-read";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { NewMeetingForm, NewMeetingPage } from "./new-meeting-form";
import { reviewNewDutyHref } from "./params";

type Props = {
  unitId: number;
  /** The subtree's unit, read on the server (the picker loads on first use). */
  unit: PickedUnit | null;
  year: number;
  years: number[];
  proposal: PageRead<RouterOutputs["review"]["proposeDuty"]>;
};

/** 新建述职评议会: pick the subtree and the assessment year (each a new render on the server), edit the agenda of secretaries, create. */
export function NewDutyReviewClient(props: Props) {
  const t = useTranslations();
  const router = useRouter();
  const pathname = usePathname();
  const input = { unitId: props.unitId, year: props.year };
  const go = (unit: number, year: number) => router.push(reviewNewDutyHref(pathname, { unit, kind: "duty_review", year }));
  return (
    <NewMeetingPage
      kind="duty_review"
      unitId={props.unitId}
      title={t("dutyReview.newPage.title")}
      proposal={props.proposal}
      pickers={
        <>
          <UnitFilter
            label={t("dutyReview.newPage.unitLabel")}
            value={props.unitId}
            chosen={props.unit}
            onChange={(u) => go(u.id, props.year)}
          />
          <label className="text-sm">
            <span className="mb-1 block text-neutral-600">{t("dutyReview.newPage.yearLabel")}</span>
            <Select value={props.year} onChange={(e) => go(props.unitId, Number(e.target.value))}>
              {props.years.map((y) => (
                <option key={y} value={y}>
                  {t("dutyReview.year", { year: y })}
                </option>
              ))}
            </Select>
          </label>
        </>
      }
    >
      {/* Keyed by the choice, so a new subtree or year starts from its own agenda. */}
      <NewMeetingForm
        key={`${props.unitId}:${props.year}`}
        idPrefix="duty-review"
        duty
        rootId={props.unitId}
        proposed={(props.proposal.ok ? props.proposal.data.items : []).map((i) => ({
          unitId: i.unitId,
          unitName: i.unitName,
          secretary: i.secretary,
          composite: null,
          reasons: [],
          addedByChair: false,
        }))}
        defaultTitle={t("dutyReview.newPage.defaultTitle", { year: props.year })}
        labels={{
          agenda: t("dutyReview.newPage.agenda"),
          agendaDesc: t("dutyReview.newPage.agendaDesc"),
          empty: t("dutyReview.newPage.noSecretaries"),
          create: t("dutyReview.newPage.create"),
        }}
        inputErrors={["year"]}
        create={(api, fields) => api.review.createDuty.mutate({ ...input, ...fields })}
      />
    </NewMeetingPage>
  );
}
