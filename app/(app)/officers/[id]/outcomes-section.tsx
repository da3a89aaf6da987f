"use client";

import { useRefresh } from "~/app/_lib/use-refresh";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "~/app/_components/ui/button";
import { lazyDialog } from "~/app/_components/ui/lazy-dialog";
import { Notice } from "~/app/_components/ui/notice";

// The form and the query layer load when it first opens (lazyDialog).
const OutcomeDialog = lazyDialog(() => import("./outcome-dialog").then((m) => m.OutcomeDialog));

/**
 * The record's 任用结果 section: its heading, “记录结果” for an admin, the saved message, and the
 * outcomes (rendered on the server, passed as children). After saving, the page is read again.
 */
export function OutcomesSection(props: { officerId: number; name: string; canManage: boolean; children: React.ReactNode }) {
  const t = useTranslations("officers");
  const { refresh } = useRefresh();
  const [adding, setAdding] = useState(false);
  const [flash, setFlash] = useState<string | null>(null);
  return (
    <section className="rounded border border-neutral-200 bg-white" data-keep>
      <div className="flex items-center justify-between border-b border-neutral-200 px-4 py-2">
        <h2 className="text-base font-semibold">{t("record.outcomes")}</h2>
        {props.canManage ? (
          <Button type="button" variant="secondary" onClick={() => setAdding(true)}>
            {t("record.addOutcome")}
          </Button>
        ) : null}
      </div>
      {flash ? (
        <Notice tone="success" className="mx-4 mt-2">
          {flash}
        </Notice>
      ) : null}
      {props.children}
      {adding ? (
        <OutcomeDialog
          id={props.officerId}
          name={props.name}
          onClose={() => setAdding(false)}
          onDone={(message) => {
            setAdding(false);
            refresh(() => setFlash(message));
          }}
        />
      ) : null}
    </section>
  );
}
