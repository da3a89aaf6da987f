"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "~/app/_components/ui/button";
import { ConfirmDialog } from "~/app/_components/ui/confirm-dialog";
import { todayInChina } from "~/lib/beijing-day";
import { cn } from "~/app/_lib/cn";
import { formatDate } from "~/app/_lib/format-date";
import type { RouterInputs, RouterOutputs } from "~/app/_lib/trpc/types";
import { useLazyMutation } from "~/app/_lib/trpc/use-lazy-mutation";
import { assessmentCycleStatuses, type AssessmentCycleStatus } from "~/lib/codes";

type Cycle = RouterOutputs["assessment"]["cycles"]["cycles"][number];

/** The four stages, the current one marked; the next one is a button that asks for confirmation first. */
export function CycleStepper({ cycle, onMoved }: { cycle: Cycle; onMoved: (message: string) => void }) {
  const t = useTranslations("assessmentCycle");
  const locale = useLocale();
  const [asking, setAsking] = useState(false);
  const index = assessmentCycleStatuses.indexOf(cycle.status);
  const next: AssessmentCycleStatus | undefined = assessmentCycleStatuses[index + 1];
  const move = useLazyMutation((api, input: RouterInputs["assessment"]["moveCycle"]) => api.assessment.moveCycle.mutate(input), {
    onSuccess: (r) => {
      setAsking(false);
      onMoved(t("moved", { year: r.year, step: t(`steps.${r.status}`) }));
    },
  });
  return (
    <section className="rounded border border-neutral-200 bg-white px-4 py-3">
      <ol className="flex flex-wrap items-center gap-2 text-sm" aria-label={t("stepperLabel")} data-testid="cycle-stepper">
        {assessmentCycleStatuses.map((s, i) => (
          <li key={s} className="flex items-center gap-2">
            <span
              aria-current={i === index ? "step" : undefined}
              className={cn(
                "rounded-full border px-3 py-1",
                i < index && "border-green-300 bg-green-50 text-green-800",
                i === index && "border-party bg-party text-white",
                i > index && "border-neutral-300 text-neutral-500",
              )}
            >
              {i + 1}. {t(`steps.${s}`)}
              {i === index ? <span className="sr-only"> ({t("current")})</span> : null}
            </span>
            {i < assessmentCycleStatuses.length - 1 ? <span aria-hidden>→</span> : null}
          </li>
        ))}
        {next ? (
          <li className="ml-auto">
            <Button
              type="button"
              onClick={() => {
                move.reset();
                setAsking(true);
              }}
            >
              {t("moveTo", { step: t(`steps.${next}`) })}
            </Button>
          </li>
        ) : null}
      </ol>
      {asking && next ? (
        <ConfirmDialog
          title={t("confirm.title", { step: t(`steps.${next}`) })}
          body={
            t(`confirm.${next as Exclude<AssessmentCycleStatus, "open">}`, { year: cycle.year }) +
            (next === "rating" && todayInChina() < cycle.rules.dutyReportDeadline
              ? ` ${t("confirm.beforeDeadline", { deadline: formatDate(cycle.rules.dutyReportDeadline, locale) })}`
              : "")
          }
          closeLabel={t("confirm.close")}
          cancelLabel={t("confirm.cancel")}
          confirmLabel={t("confirm.yes")}
          error={move.error?.message ?? null}
          pending={move.isPending}
          onConfirm={() => move.mutate({ year: cycle.year, to: next, version: cycle.version })}
          onClose={() => setAsking(false)}
        />
      ) : null}
    </section>
  );
}
