"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { UnitQuarterPicker } from "~/app/_components/unit-quarter-picker";
import { Select } from "~/app/_components/ui/select";
import { useTRPC } from "~/app/_lib/trpc/react";
import { formatQuarter } from "~/lib/quarter";
import type { ScoreInclusion } from "~/app/_lib/api-types";
import { NewMeetingForm, NewMeetingPage } from "./new-meeting-form";
import { reviewNewHref } from "./params";

type Props = { unitId: number; quarter: string; quarters: string[]; running: string; include: ScoreInclusion };

/** 新建审议会: pick the subtree and quarter, edit the proposed agenda, create. */
export function NewReviewClient(props: Props) {
  const t = useTranslations();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const input = { unitId: props.unitId, quarter: props.quarter, include: props.include };
  const proposal = useQuery(trpc.review.propose.queryOptions(input));
  const create = useMutation(trpc.review.create.mutationOptions());
  return (
    <NewMeetingPage
      kind="accountability"
      unitId={props.unitId}
      title={t("review.newPage.title")}
      proposal={proposal}
      pickers={
        <>
          <UnitQuarterPicker
            unitId={props.unitId}
            quarter={props.quarter}
            quarters={props.quarters}
            running={props.running}
            unitLabel={t("review.newPage.unitLabel")}
            quarterLabel={t("review.newPage.quarterLabel")}
          />
          <label className="text-sm">
            <span className="mb-1 block text-neutral-600">{t("review.newPage.include")}</span>
            <Select
              value={props.include}
              onChange={(e) =>
                router.push(
                  reviewNewHref(pathname, { unit: props.unitId, quarter: props.quarter, include: e.target.value as ScoreInclusion }),
                )
              }
            >
              <option value="approved">{t("review.newPage.includeApproved")}</option>
              <option value="submitted">{t("review.newPage.includeSubmitted")}</option>
            </Select>
          </label>
        </>
      }
    >
      {/* Keyed by the choice, so a new subtree or quarter starts from its own proposal. */}
      <NewMeetingForm
        key={`${props.unitId}:${props.quarter}:${props.include}`}
        idPrefix="review"
        rootId={props.unitId}
        proposed={(proposal.data?.items ?? []).map((i) => ({ ...i, addedByChair: false }))}
        defaultTitle={t("review.newPage.defaultTitle", { quarter: formatQuarter(props.quarter, locale) })}
        labels={{
          agenda: t("review.newPage.proposed"),
          agendaDesc: t("review.newPage.proposedDesc"),
          empty: t("review.newPage.noProposal"),
          create: t("review.newPage.create"),
        }}
        create={{ isPending: create.isPending, mutate: (fields, on) => create.mutate({ ...input, ...fields }, on) }}
      />
    </NewMeetingPage>
  );
}
