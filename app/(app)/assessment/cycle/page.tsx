import { getTranslations } from "next-intl/server";
import { createLoader, type SearchParams } from "nuqs/server";
import { Notice } from "~/app/_components/ui/notice";
import { requireActor } from "~/app/_lib/session";
import { readForPage } from "~/app/_lib/trpc/page-read";
import { currentAssessmentYear } from "~/lib/assessment/years";
import { hasCapability } from "~/server/scope";
import { AssessmentTabs } from "../assessment-tabs";
import { assessmentParsers } from "../params";
import { CycleClient } from "./client";
import { ClientMessages } from "~/app/_lib/client-messages";

const load = createLoader(assessmentParsers);

/** 考核设置 (admins): a year's rules form and its stage stepper. */
export default async function CyclePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  if (!hasCapability(actor, "manageAssessment"))
    return (
      <ClientMessages entry="(app)/assessment/cycle/page">
        <Notice tone="error">{(await getTranslations("assessmentCycle"))("adminOnly")}</Notice>
      </ClientMessages>
    );
  const year = load(await searchParams).year ?? currentAssessmentYear();
  const cycles = await readForPage((api) => api.assessment.cycles());
  return (
    <ClientMessages entry="(app)/assessment/cycle/page">
      <div className="space-y-4">
        <AssessmentTabs canManage />
        {cycles.ok ? <CycleClient year={year} cycles={cycles.data} /> : <Notice tone="error">{cycles.message}</Notice>}
      </div>
    </ClientMessages>
  );
}
