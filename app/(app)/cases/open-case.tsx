"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "~/app/_components/ui/button";
import { lazyDialog } from "~/app/_components/ui/lazy-dialog";
import type { ListCasesInput } from "~/app/_lib/api-types";
import { casesHref, type CasePrefill } from "./params";

// The form, its unit and source pickers and the query layer load when it first opens.
const CaseForm = lazyDialog(() => import("./case-form").then((m) => m.CaseForm));

/** “立案问责” and its form; a 立案问责 link (a flag, an inspection) arrives with the form open and pre-filled. */
export function OpenCase({ filters, prefill }: { filters: ListCasesInput; prefill: CasePrefill }) {
  const t = useTranslations("cases");
  const router = useRouter();
  const [creating, setCreating] = useState(prefill !== null);
  return (
    <>
      <Button type="button" onClick={() => setCreating(true)}>
        {t("open")}
      </Button>
      {creating ? (
        <CaseForm
          sourceUnitId={prefill ? filters.unitId : null}
          prefill={prefill}
          onClose={() => {
            setCreating(false);
            // A pre-filled form the reviewer dismissed stays dismissed: a reload or a later 立案问责 opened it pre-filled again.
            if (prefill) router.replace(casesHref(filters), { scroll: false });
          }}
          onCreated={(id) => router.push(`/cases/${id}`)}
        />
      ) : null}
    </>
  );
}
