"use client";

import { useTranslations, useLocale } from "next-intl";
import { useState } from "react";
import { Badge } from "~/app/_components/ui/badge";
import { Button } from "~/app/_components/ui/button";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { TextInput } from "~/app/_components/ui/field";
import { fieldIds, FormField } from "~/app/_components/ui/form-field";
import { Notice } from "~/app/_components/ui/notice";
import { useLazyMutation } from "~/app/_lib/trpc/use-lazy-mutation";
import type { CaseStatus } from "~/lib/codes";
import { formatDate } from "~/app/_lib/format-date";
import { useCaseNotice } from "./case-notice";

type Item = { id: number; description: string; owner: string; deadline: string; doneAt: Date | null; overdue: boolean };

/** Rectification items with overdue flags; writers can add items and mark them done until the case closes (then the page is read again). */
export function ItemsCard({ c }: { c: { id: number; status: CaseStatus; canWrite: boolean; items: Item[] } }) {
  const t = useTranslations("cases");
  const locale = useLocale();
  const say = useCaseNotice();
  const [draft, setDraft] = useState({ description: "", owner: "", deadline: "" });
  const add = useLazyMutation(
    (api, input: { caseId: number; description: string; owner: string; deadline: string }) => api.case.addItem.mutate(input),
    {
      refresh: true,
      onSuccess: () => {
        setDraft({ description: "", owner: "", deadline: "" });
        say(t("detail.added"));
      },
    },
  );
  const complete = useLazyMutation((api, input: { itemId: number }) => api.case.completeItem.mutate(input), {
    refresh: true,
    onSuccess: () => say(t("detail.completed")),
  });
  const errors = add.error?.fieldErrors ?? {};
  // A refusal no field is to blame for is said above the list.
  const failed = complete.error ?? add.error;
  const problem = failed && Object.keys(failed.fieldErrors).length === 0 ? failed.message : null;
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
