"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "~/app/_components/ui/button";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { Notice } from "~/app/_components/ui/notice";
import type { RouterInputs } from "~/app/_lib/trpc/types";
import { useLazyMutation } from "~/app/_lib/trpc/use-lazy-mutation";
import { AgendaEditor, type AgendaRow } from "../agenda-editor";
import { toAgendaRow, type Review } from "./review";

/**
 * The agenda of a meeting: editable by the chair until the meeting closes, saved with its version;
 * the page is then read again (keyed by the version, the card starts from the saved agenda).
 */
export function AgendaCard({ meeting, onSaved }: { meeting: Review; onSaved: () => void }) {
  const t = useTranslations();
  const saved = meeting.items.map(toAgendaRow);
  const [rows, setRows] = useState<AgendaRow[]>(saved);
  const [problem, setProblem] = useState<string | null>(null);
  const editable = meeting.canWrite && meeting.status !== "closed";
  const dirty = rows.map((r) => r.unitId).join() !== saved.map((r) => r.unitId).join();
  const save = useLazyMutation((api, input: RouterInputs["review"]["updateAgenda"]) => api.review.updateAgenda.mutate(input), {
    refresh: true,
    onSuccess: () => {
      setProblem(null);
      onSaved();
    },
    onError: (err) => setProblem(err.message),
  });
  return (
    <Card>
      <CardHeader
        title={t("review.agenda.heading")}
        actions={
          editable ? (
            <span className="flex items-center gap-2">
              {dirty ? <span className="text-xs text-amber-800">{t("review.agenda.dirty")}</span> : null}
              <Button type="button" variant="secondary" disabled={!dirty} onClick={() => setRows(saved)}>
                {t("review.agenda.reset")}
              </Button>
              <Button
                type="button"
                disabled={!dirty || rows.length === 0 || save.isPending}
                onClick={() => save.mutate({ id: meeting.id, version: meeting.version, items: rows.map((r) => ({ unitId: r.unitId })) })}
              >
                {save.isPending ? t("review.agenda.saving") : t("review.agenda.save")}
              </Button>
            </span>
          ) : undefined
        }
      />
      {problem ? (
        <Notice tone="error" className="m-3">
          {problem}
        </Notice>
      ) : null}
      <AgendaEditor
        // The order is the chair's; decisions are always the latest the server has.
        rows={rows.map((r) => saved.find((s) => s.unitId === r.unitId) ?? r)}
        rootId={meeting.unitId}
        showDecision
        duty={meeting.kind === "duty_review"}
        onChange={editable ? setRows : undefined}
        locked={(r) => !!r.decision}
      />
    </Card>
  );
}
