"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { formatDate, formatPercent } from "~/app/_lib/format-date";
import { useDebounced } from "~/app/_lib/use-debounced";
import { useTRPC } from "~/app/_lib/trpc/react";
import type { RouterOutputs } from "~/app/_lib/trpc/types";

export type CopyMatch = NonNullable<RouterOutputs["meeting"]["checkMinutes"]["match"]>;

const MIN_CHARS = 30;
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** Checks the minutes being typed or pasted against earlier meetings and other units' (server rule), a moment after typing stops. */
export function useCopyCheck(input: { unitId: number; date: string; minutes: string; meetingId?: number; enabled: boolean }) {
  const trpc = useTRPC();
  const minutes = useDebounced(input.minutes, 600);
  const enabled = input.enabled && dayPattern.test(input.date) && minutes.replace(/\s+/g, "").length >= MIN_CHARS;
  const query = useQuery(
    trpc.meeting.checkMinutes.queryOptions(
      { unitId: input.unitId, date: input.date, minutes, ...(input.meetingId ? { meetingId: input.meetingId } : {}) },
      { enabled, staleTime: 60_000, retry: false },
    ),
  );
  const settled = minutes === input.minutes;
  return { match: enabled && settled ? (query.data?.match ?? null) : null, checking: enabled && (query.isFetching || !settled) };
}

/** The warning shown before saving: which earlier record the minutes repeat, or only that one exists outside the reader's reach. */
export function CopyWarning({ match, confirming }: { match: CopyMatch; confirming: boolean }) {
  const t = useTranslations("forms.copyCheck");
  const tm = useTranslations("meetings");
  const locale = useLocale();
  const similarity = formatPercent(match.similarity);
  return (
    <div
      role="alert"
      data-testid="copy-warning"
      tabIndex={-1}
      className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
    >
      <p className="font-medium">
        {match.outOfReach
          ? t("outOfReach", { similarity })
          : t("match", {
              sameUnit: String(match.sameUnit),
              unit: match.unitName,
              date: formatDate(match.date, locale),
              type: tm(`types.${match.type as "group"}`),
              similarity,
            })}
      </p>
      <p className="mt-0.5 text-xs">{confirming ? t("confirm") : t("hint")}</p>
    </div>
  );
}
