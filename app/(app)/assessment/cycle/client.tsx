"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useRefresh } from "~/app/_lib/use-refresh";
import { FilterFieldset, FilterSelect } from "~/app/_components/ui/filter-fields";
import { Notice } from "~/app/_components/ui/notice";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { assessmentHref } from "../params";
import { CycleStepper } from "./stepper";
import { RulesForm } from "./rules-form";

/** The year's settings: the stage stepper (with confirmation) above the rules form, or the form that opens a new year. */
export function CycleClient({ year, cycles }: { year: number; cycles: RouterOutputs["assessment"]["cycles"] }) {
  const t = useTranslations("assessmentCycle");
  const router = useRouter();
  const [notice, setNotice] = useState<string | null>(null);
  const { refresh } = useRefresh();
  // After a save or a move the page is read again; the notice shows with the new cycle (its version is the next save's).
  const saved = (message: string) => refresh(() => setNotice(message));
  const cycle = cycles.cycles.find((c) => c.year === year) ?? null;
  const years = [...new Set([cycles.currentYear, year, ...cycles.cycles.map((c) => c.year)])].sort((a, b) => b - a);
  return (
    <div className="space-y-4">
      <div className="rounded border border-neutral-200 bg-white px-4 py-3">
        <h1 className="text-lg font-semibold">{t("heading")}</h1>
        <p className="text-xs text-neutral-500">{t("intro")}</p>
      </div>
      <FilterFieldset legend={t("year")}>
        <FilterSelect
          label={t("year")}
          value={String(year)}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
          onChange={(y) => {
            setNotice(null);
            router.push(assessmentHref("/assessment/cycle", { year: y ? Number(y) : year, unit: null }));
          }}
        />
      </FilterFieldset>
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      {cycle ? <CycleStepper cycle={cycle} onMoved={saved} /> : <Notice>{t("notOpened", { year })}</Notice>}
      <RulesForm key={`${year}:${cycle?.version ?? 0}`} year={year} cycle={cycle} defaults={cycles.defaults} onSaved={saved} />
    </div>
  );
}
