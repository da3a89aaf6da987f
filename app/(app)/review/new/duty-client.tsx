"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { UnitFilter } from "~/app/_components/unit-picker/unit-filter";
import { Select } from "~/app/_components/ui/select";
import { useTRPC } from "~/app/_lib/trpc/react";
import { NewMeetingForm, NewMeetingPage } from "./new-meeting-form";
import { reviewNewDutyHref } from "./params";

type Props = { unitId: number; year: number; years: number[] };

/** 新建述职评议会: pick the subtree and the assessment year, edit the agenda of secretaries, create. */
export function NewDutyReviewClient(props: Props) {
  const t = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const input = { unitId: props.unitId, year: props.year };
  const proposal = useQuery(trpc.review.proposeDuty.queryOptions(input));
  const create = useMutation(trpc.review.createDuty.mutationOptions());
  const go = (unit: number, year: number) => router.push(reviewNewDutyHref(pathname, { unit, kind: "duty_review", year }));
  return (
    <NewMeetingPage
      kind="duty_review"
      unitId={props.unitId}
      title={t("dutyReview.newPage.title")}
      proposal={proposal}
      pickers={
        <>
          <UnitFilter label={t("dutyReview.newPage.unitLabel")} value={props.unitId} onChange={(u) => go(u.id, props.year)} />
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
        proposed={(proposal.data?.items ?? []).map((i) => ({
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
        create={{ isPending: create.isPending, mutate: (fields, on) => create.mutate({ ...input, ...fields }, on) }}
      />
    </NewMeetingPage>
  );
}
