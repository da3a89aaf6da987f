import { getTranslations } from "next-intl/server";
import { Notice } from "~/app/_components/ui/notice";
import { requireActor } from "~/app/_lib/session";
import { readForPage } from "~/app/_lib/trpc/page-read";
import { defaultReportingQuarter } from "~/lib/quarter";
import { hasCapability } from "~/server/scope";
import { DeadlineCard } from "./deadline-card";
import { MeetingsCard } from "./meetings-card";
import { QuadrantCutoffCard } from "./quadrant-cutoff-card";
import { pick } from "./setting-rows";
import { ClientMessages } from "~/app/_lib/client-messages";

/** 系统设置, rendered from server data: one card a setting; a card's save reads the page again. */
export default async function SettingsPage() {
  const actor = await requireActor();
  const t = await getTranslations();
  // A courtesy: settings.get and settings.update check the capability again on the server.
  if (!hasCapability(actor, "manageSettings"))
    return (
      <ClientMessages entry="(app)/admin/settings/page">
        <Notice tone="error">{t("adminSettings.adminOnly")}</Notice>
      </ClientMessages>
    );
  const [settings, rules] = await Promise.all([
    readForPage((api) => api.settings.get()),
    readForPage((api) => api.settings.deadlineRules()),
  ]);
  if (!settings.ok)
    return (
      <ClientMessages entry="(app)/admin/settings/page">
        <Notice tone="error">{t("common.error", { message: settings.message })}</Notice>
      </ClientMessages>
    );
  const deadline = pick(settings.data, "reportDeadlineDays");
  const meetings = pick(settings.data, "meetingFrequencies");
  const cutoff = pick(settings.data, "quadrantCutoff");
  return (
    <ClientMessages entry="(app)/admin/settings/page">
      <div className="space-y-4">
        <div>
          <h1 className="text-lg font-semibold">{t("adminSettings.heading")}</h1>
          <p className="mt-1 text-xs text-neutral-600">{t("adminSettings.intro")}</p>
        </div>
        {deadline ? <DeadlineCard row={deadline} rules={rules.ok ? rules.data : null} exampleQuarter={defaultReportingQuarter()} /> : null}
        {meetings ? <MeetingsCard row={meetings} /> : null}
        {cutoff ? <QuadrantCutoffCard row={cutoff} /> : null}
      </div>
    </ClientMessages>
  );
}
