"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "~/app/_components/ui/badge";
import { Button } from "~/app/_components/ui/button";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { Dialog, DialogFormActions } from "~/app/_components/ui/dialog";
import { fieldIds, FormField } from "~/app/_components/ui/form-field";
import { Notice } from "~/app/_components/ui/notice";
import { Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";
import { formatDate } from "~/app/_lib/format-date";
import type { RouterInputs } from "~/app/_lib/trpc/types";
import { useLazyMutation } from "~/app/_lib/trpc/use-lazy-mutation";
import { useServerErrors } from "~/app/_lib/use-server-errors";
import type { UnitYear } from "../../duty/types";

type Item = UnitYear["items"][number];

/** The comment's rectification items (点评整改事项): state, deadline (逾期 as a case's item), and 标记完成 for the unit. */
export function CommentItems({ data }: { data: UnitYear }) {
  const t = useTranslations("assessmentInputs.items");
  const locale = useLocale();
  const [marking, setMarking] = useState<Item | null>(null);
  return (
    <Card data-testid="comment-items">
      <CardHeader title={t("title")} description={t("hint", { next: data.year + 1 })} />
      {data.items.length === 0 ? (
        <p className="px-4 py-3 text-sm text-neutral-500">{t("none")}</p>
      ) : (
        <Table>
          <THead className="text-left text-xs text-neutral-500">
            <TR>
              <TH className="py-1.5 pl-4 font-normal">{t("content")}</TH>
              <TH className="font-normal">{t("deadline")}</TH>
              <TH className="font-normal">{t("state")}</TH>
              <TH className="pr-4" />
            </TR>
          </THead>
          <TBody>
            {data.items.map((i) => (
              <TR key={i.id} className="border-t border-neutral-100 align-top">
                <TD className="py-1.5 pl-4">{i.content}</TD>
                <TD className="whitespace-nowrap">{formatDate(i.deadline, locale)}</TD>
                <TD className="space-x-1">
                  {i.doneAt ? (
                    <>
                      <Badge tone="success">{t("done", { date: formatDate(i.doneAt, locale) })}</Badge>
                      {i.doneEvidence ? <span className="text-xs text-neutral-600">{i.doneEvidence}</span> : null}
                    </>
                  ) : i.overdue ? (
                    <Badge tone="warning">{t("overdue")}</Badge>
                  ) : (
                    <Badge>{t("open")}</Badge>
                  )}
                  {i.answered ? <Badge tone="info">{t("answered")}</Badge> : null}
                </TD>
                <TD className="py-1 pr-4 text-right">
                  {data.can.markItemsDone && !i.doneAt ? (
                    <Button type="button" variant="secondary" onClick={() => setMarking(i)}>
                      {t("markDone")}
                    </Button>
                  ) : null}
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      {marking ? <MarkDoneDialog item={marking} onClose={() => setMarking(null)} /> : null}
    </Card>
  );
}

function MarkDoneDialog({ item, onClose }: { item: Item; onClose: () => void }) {
  const t = useTranslations("assessmentInputs.items");
  const [evidence, setEvidence] = useState("");
  const { fields, problem, show } = useServerErrors();
  const mark = useLazyMutation((api, input: RouterInputs["assessment"]["markItemDone"]) => api.assessment.markItemDone.mutate(input), {
    refresh: true,
    onSuccess: onClose,
    onError: show,
  });
  return (
    <Dialog title={t("markTitle")} description={item.content} closeLabel={t("close")} onClose={onClose}>
      <form
        noValidate
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          mark.mutate({ id: item.id, evidence });
        }}
      >
        {problem ? <Notice tone="error">{problem}</Notice> : null}
        <FormField id="item-evidence" label={t("evidence")} hint={t("evidenceHint")} error={fields.evidence}>
          <textarea
            {...fieldIds("item-evidence", fields.evidence)}
            aria-invalid={!!fields.evidence || undefined}
            className="min-h-20 w-full rounded border border-neutral-300 px-2 py-1 text-sm"
            value={evidence}
            autoFocus
            onChange={(e) => setEvidence(e.target.value)}
          />
        </FormField>
        <DialogFormActions
          cancelLabel={t("cancel")}
          onCancel={onClose}
          pending={mark.isPending}
          pendingLabel={t("marking")}
          submitLabel={t("markDone")}
        />
      </form>
    </Dialog>
  );
}
