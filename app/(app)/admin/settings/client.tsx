"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Notice } from "~/app/_components/ui/notice";
import { describeError } from "~/app/_lib/trpc/errors";
import { useTRPC } from "~/app/_lib/trpc/react";
import { DeadlineCard } from "./deadline-card";
import { MeetingsCard } from "./meetings-card";
import { QuadrantCutoffCard } from "./quadrant-cutoff-card";
import { pick } from "./use-setting-save";

export function SettingsClient({ exampleQuarter }: { exampleQuarter: string }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const settings = useQuery(trpc.settings.get.queryOptions());
  if (settings.error) return <Notice tone="error">{t("common.error", { message: describeError(settings.error).message })}</Notice>;
  if (!settings.data) return <p className="text-sm text-neutral-500">{t("common.loading")}</p>;
  const deadline = pick(settings.data, "reportDeadlineDays");
  const meetings = pick(settings.data, "meetingFrequencies");
  const cutoff = pick(settings.data, "quadrantCutoff");
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-lg font-semibold">{t("adminSettings.heading")}</h1>
        <p className="mt-1 text-xs text-neutral-600">{t("adminSettings.intro")}</p>
      </div>
      {deadline ? <DeadlineCard row={deadline} exampleQuarter={exampleQuarter} /> : null}
      {meetings ? <MeetingsCard row={meetings} /> : null}
      {cutoff ? <QuadrantCutoffCard row={cutoff} /> : null}
    </div>
  );
}
