"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "~/app/_components/ui/button";
import { ConfirmDialog } from "~/app/_components/ui/confirm-dialog";
import { Notice } from "~/app/_components/ui/notice";
import { useServerErrors } from "~/app/_lib/use-server-errors";
import type { RouterInputs } from "~/app/_lib/trpc/types";
import { useLazyMutation } from "~/app/_lib/trpc/use-lazy-mutation";
import { percent } from "./slope-data";

type Cycle = { exists: boolean; status: string | null; partyWeight: number; version: number };

/** 采用此权重 (admins): saves the slider's weight as the year's, after a confirmation; a final year or a missing cycle says why not. */
export function AdoptWeight(props: { year: number; weight: number; cycle: Cycle }) {
  const t = useTranslations("assessmentSimulator");
  const tc = useTranslations("common");
  const [asking, setAsking] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  const errors = useServerErrors({ alwaysMessage: true });
  // The page is read again after adopting (the adopted mark, the summary, the cycle's version).
  const adopt = useLazyMutation(
    (api, input: RouterInputs["assessment"]["adoptPartyWeight"]) => api.assessment.adoptPartyWeight.mutate(input),
    {
      refresh: true,
      onSuccess: (r) => {
        setAsking(false);
        setSaved(r.partyWeight);
      },
      onError: errors.show,
    },
  );
  const { cycle } = props;
  if (!cycle.exists) return <Notice>{t("adoptNoCycle", { year: props.year })}</Notice>;
  if (cycle.status === "final") return <Notice>{t("adoptFinal", { year: props.year })}</Notice>;
  const same = percent(props.weight) === percent(cycle.partyWeight);
  return (
    <div className="flex flex-wrap items-center gap-3 rounded border border-neutral-200 bg-white px-4 py-3" data-testid="simulator-adopt">
      <Button type="button" disabled={same} onClick={() => (errors.clear(), setAsking(true))}>
        {t("adopt", { value: percent(props.weight) })}
      </Button>
      <span className="text-xs text-neutral-600">{same ? t("adoptSame") : t("adoptHint", { year: props.year })}</span>
      {saved !== null ? <Notice tone="success">{t("adoptedNotice", { value: percent(saved) })}</Notice> : null}
      {asking ? (
        <ConfirmDialog
          title={t("adoptConfirmTitle")}
          body={t("adoptConfirmBody", { year: props.year, now: percent(cycle.partyWeight), at: percent(props.weight) })}
          closeLabel={tc("close")}
          cancelLabel={tc("cancel")}
          confirmLabel={t("adoptConfirm")}
          error={errors.problem}
          pending={adopt.isPending}
          onConfirm={() => adopt.mutate({ year: props.year, partyWeight: props.weight, version: cycle.version })}
          onClose={() => setAsking(false)}
        />
      ) : null}
    </div>
  );
}
