"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations, useLocale } from "next-intl";
import { useState } from "react";
import { Badge } from "~/app/_components/ui/badge";
import { Button } from "~/app/_components/ui/button";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { TextInput } from "~/app/_components/ui/field";
import { fieldIds, FormField } from "~/app/_components/ui/form-field";
import { Notice } from "~/app/_components/ui/notice";
import { useTRPC } from "~/app/_lib/trpc/react";
import type { CaseStatus } from "~/lib/codes";
import { formatDate } from "~/app/_lib/format-date";
import { useServerErrors } from "~/app/_lib/use-server-errors";

type Item = { id: number; description: string; owner: string; deadline: string; doneAt: Date | null; overdue: boolean };

/** Rectification items with overdue flags; writers can add items and mark them done until the case closes. */
export function ItemsCard({
  c,
  onDone,
}: {
  c: { id: number; status: CaseStatus; canWrite: boolean; items: Item[] };
  onDone: (m: string) => void;
}) {
  const t = useTranslations("cases");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState({ description: "", owner: "", deadline: "" });
  const { fields: errors, problem, show: fail, clear } = useServerErrors();
  const refresh = () => queryClient.invalidateQueries(trpc.case.pathFilter());
  const add = useMutation(
    trpc.case.addItem.mutationOptions({
      onSuccess: async () => {
        setDraft({ description: "", owner: "", deadline: "" });
        clear();
        await refresh();
        onDone(t("detail.added"));
      },
      onError: fail,
    }),
  );
  const complete = useMutation(
    trpc.case.completeItem.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone(t("detail.completed"));
      },
      onError: fail,
    }),
  );
  const writable = c.canWrite && c.status !== "closed";
  return (
    <Card>
      <CardHeader title={t("detail.items")} />
      {problem ? (
        <Notice tone="error" className="m-4">
          {problem}
        </Notice>
      ) : null}
      {c.items.length === 0 ? (
        <p className="px-4 py-3 text-sm text-neutral-500">{t("detail.noItems")}</p>
      ) : (
        <ul className="divide-y divide-neutral-100 text-sm" data-testid="case-items">
          {c.items.map((i) => (
            <li key={i.id} className="flex flex-wrap items-center gap-3 px-4 py-2" data-item={i.id} data-overdue={i.overdue || undefined}>
              <span className="min-w-0 flex-1">{i.description}</span>
              <span className="text-neutral-600">
                {t("detail.owner")}：{i.owner}
              </span>
              <span className="text-neutral-600">
                {t("detail.deadline")}：{formatDate(i.deadline, locale)}
              </span>
              {i.overdue ? <Badge tone="warning">{t("overdue")}</Badge> : null}
              {i.doneAt ? (
                <Badge tone="success">{t("detail.done")}</Badge>
              ) : writable ? (
                <Button type="button" variant="secondary" disabled={complete.isPending} onClick={() => complete.mutate({ itemId: i.id })}>
                  {t("detail.complete")}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {writable ? (
        <form
          className="grid gap-3 border-t border-neutral-200 px-4 py-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate({ caseId: c.id, ...draft });
          }}
        >
          <FormField id="item-description" label={t("detail.description")} error={errors.description}>
            <TextInput
              {...fieldIds("item-description", errors.description)}
              invalid={!!errors.description}
              value={draft.description}
              onChange={(e) => setDraft({ ...draft, description: e.target.value })}
            />
          </FormField>
          <FormField id="item-owner" label={t("detail.owner")} error={errors.owner}>
            <TextInput
              {...fieldIds("item-owner", errors.owner)}
              invalid={!!errors.owner}
              value={draft.owner}
              onChange={(e) => setDraft({ ...draft, owner: e.target.value })}
            />
          </FormField>
          <FormField id="item-deadline" label={t("detail.deadline")} error={errors.deadline}>
            <TextInput
              type="date"
              {...fieldIds("item-deadline", errors.deadline)}
              invalid={!!errors.deadline}
              value={draft.deadline}
              onChange={(e) => setDraft({ ...draft, deadline: e.target.value })}
            />
          </FormField>
          <Button type="submit" disabled={add.isPending}>
            {t("detail.add")}
          </Button>
        </form>
      ) : null}
    </Card>
  );
}
