"use client";

import { useLocale, useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { UnitQuarterPicker } from "~/app/_components/unit-quarter-picker";
import type { PickedUnit } from "~/app/_components/unit-picker/unit-picker";
import { Select } from "~/app/_components/ui/select";
import type { PageRead } from "~/app/_lib/trpc/page-read";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { formatQuarter } from "~/lib/quarter";
import type { ScoreInclusion } from "~/app/_lib/api-types";
import { NewMeetingForm, NewMeetingPage } from "./new-meeting-form";
import { reviewNewHref } from "./params";

type Props = {
  unitId: number;
  /** The subtree's unit, read on the server (the picker loads on first use). */
  unit: PickedUnit | null;
  quarter: string;
  quarters: string[];
  running: string;
  include: ScoreInclusion;
  proposal: PageRead<RouterOutputs["review"]["propose"]>;
};

/** 新建审议会: pick the subtree and quarter (each a new render on the server), edit the proposed agenda, create. */
export function NewReviewClient(props: Props) {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const input = { unitId: props.unitId, quarter: props.quarter, include: props.include };
  return (
    <NewMeetingPage
      kind="accountability"
      unitId={props.unitId}
      title={t("review.newPage.title")}
      proposal={props.proposal}
      pickers={
        <>
          <UnitQuarterPicker
            unitId={props.unitId}
            unit={props.unit}
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
        proposed={(props.proposal.ok ? props.proposal.data.items : []).map((i) => ({ ...i, addedByChair: false }))}
        defaultTitle={t("review.newPage.defaultTitle", { quarter: formatQuarter(props.quarter, locale) })}
        labels={{
          agenda: t("review.newPage.proposed"),
          agendaDesc: t("review.newPage.proposedDesc"),
          empty: t("review.newPage.noProposal"),
          create: t("review.newPage.create"),
        }}
        create={(api, fields) => api.review.create.mutate({ ...input, ...fields })}
      />
    </NewMeetingPage>
  );
}
