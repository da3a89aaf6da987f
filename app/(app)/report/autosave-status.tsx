"use client";

import { useLocale, useTranslations } from "next-intl";
import { cn } from "~/app/_lib/cn";
import { formatDateTime } from "~/app/_lib/format-date";
import type { AutosaveState } from "./use-autosave";

const tone: Record<AutosaveState, string> = {
  saved: "text-green-800",
  saving: "text-neutral-600",
  dirty: "text-amber-800",
  invalid: "text-red-800",
  conflict: "text-red-800",
  error: "text-red-800",
};

/** 已保存 / 保存中 / 未保存: where the draft stands, always visible next to the buttons. */
export function AutosaveStatus({ state, savedAt }: { state: AutosaveState; savedAt: Date | null }) {
  const t = useTranslations("forms.autosave");
  const locale = useLocale();
  return (
    <span role="status" aria-live="polite" data-testid="autosave-status" data-state={state} className={cn("text-sm", tone[state])}>
      {state === "saved" && savedAt ? t("savedAt", { time: formatDateTime(savedAt, locale).slice(-5) }) : t(state)}
    </span>
  );
}
