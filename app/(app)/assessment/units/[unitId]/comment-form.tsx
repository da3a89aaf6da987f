"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "~/app/_components/ui/button";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { TextInput } from "~/app/_components/ui/field";
import { FormErrors } from "~/app/_components/ui/form-errors";
import { fieldIds, FormField } from "~/app/_components/ui/form-field";
import { Notice } from "~/app/_components/ui/notice";
import { formatDate } from "~/app/_lib/format-date";
import { todayInChina } from "~/lib/beijing-day";
import { deadlineBeforeToday } from "~/lib/rectification";
import type { RouterInputs } from "~/app/_lib/trpc/types";
import { useLazyMutation } from "~/app/_lib/trpc/use-lazy-mutation";
import { useServerErrors } from "~/app/_lib/use-server-errors";
import type { UnitYear } from "../../duty/types";

/** A row of the form; `sent` is the item as saved before (kept as it is, its own deadline is not refused). */
type Row = { key: number; content: string; deadline: string; sent?: { content: string; deadline: string } };

/**
 * 上级点评: the text and its rectification items (rows added and removed, each with a deadline).
 * Saving replaces the items not yet answered or done; those the unit has acted on stay and are
 * listed apart, read-only.
 */
export function CommentForm({ data }: { data: UnitYear }) {
  const t = useTranslations("assessmentInputs.comment");
  const locale = useLocale();
  const kept = data.items.filter((i) => i.doneAt !== null || i.answered);
  const replaceable = data.items.filter((i) => i.doneAt === null && !i.answered);
  const [text, setText] = useState(data.comment?.text ?? "");
  const [seq, setSeq] = useState(replaceable.length);
  const [rows, setRows] = useState<Row[]>(() =>
    replaceable.map((i, n) => ({ key: n, content: i.content, deadline: i.deadline, sent: { content: i.content, deadline: i.deadline } })),
  );
  const today = todayInChina();
  // The server's rule (comment-save.ts), said before sending: a new or changed item's deadline may not be past.
  const pastDeadline = (r: Row) =>
    r.deadline !== "" && deadlineBeforeToday(r.deadline, today) && !(r.sent?.content === r.content && r.sent.deadline === r.deadline);
  const [saved, setSaved] = useState(false);
  // The version this form started from: a change by someone else meanwhile is a CONFLICT, not overwritten.
  const [version, setVersion] = useState(data.comment?.version ?? 0);
  const { fields, problem, show, clear } = useServerErrors();
  const save = useLazyMutation((api, input: RouterInputs["assessment"]["saveComment"]) => api.assessment.saveComment.mutate(input), {
    refresh: true,
    onSuccess: (res) => {
      setVersion(res.version);
      setSaved(true);
    },
    onError: show,
  });
  const editable = data.can.assess;
  if (!editable)
    return (
      <Card data-testid="comment-card">
        <CardHeader title={t("title")} />
        <p className="px-4 py-3 text-sm whitespace-pre-wrap">{data.comment?.text ?? t("none")}</p>
      </Card>
    );
  const setRow = (key: number, patch: Partial<Row>) => {
    setSaved(false);
    setRows(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  };
  return (
    <Card data-testid="comment-card">
      <CardHeader title={t("title")} description={t("hint")} />
      <form
        noValidate
        className="space-y-4 px-4 py-3"
        onSubmit={(e) => {
          e.preventDefault();
          clear();
          setSaved(false);
          if (rows.some(pastDeadline)) return;
          save.mutate({
            year: data.year,
            unitId: data.unit.id,
            text,
            items: rows.map(({ content, deadline }) => ({ content, deadline })),
            version,
          });
        }}
      >
        <FormErrors errors={fields} message={problem} />
        {saved ? <Notice tone="success">{t("saved")}</Notice> : null}
        <FormField id="comment-text" label={t("text")} error={fields.text}>
          <textarea
            {...fieldIds("comment-text", fields.text)}
            aria-invalid={!!fields.text || undefined}
            className="min-h-28 w-full rounded border border-neutral-300 px-2 py-1 text-sm"
            value={text}
            onChange={(e) => {
              setSaved(false);
              setText(e.target.value);
            }}
          />
        </FormField>

        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">{t("items")}</legend>
          <p className="text-xs text-neutral-500">{t("itemsHint")}</p>
          {kept.length > 0 ? (
            <ul className="space-y-1 rounded border border-neutral-200 bg-neutral-50 px-3 py-2 text-sm" data-testid="comment-kept-items">
              <li className="text-xs text-neutral-600">{t("keptHint")}</li>
              {kept.map((i) => (
                <li key={i.id}>
                  {i.content} · {formatDate(i.deadline, locale)} · {t(i.doneAt ? "keptDone" : "keptAnswered")}
                </li>
              ))}
            </ul>
          ) : null}
          {rows.map((r, n) => {
            const contentError = fields[`items.${n}.content`];
            const deadlineError = fields[`items.${n}.deadline`] ?? (pastDeadline(r) ? t("deadlinePast") : undefined);
            return (
              <div key={r.key} className="grid grid-cols-[1fr_11rem_auto] items-start gap-2" data-testid="comment-item-row">
                <FormField id={`comment-item-${r.key}`} label={t("itemContent", { n: n + 1 })} error={contentError}>
                  <TextInput
                    {...fieldIds(`comment-item-${r.key}`, contentError)}
                    invalid={!!contentError}
                    value={r.content}
                    onChange={(e) => setRow(r.key, { content: e.target.value })}
                  />
                </FormField>
                <FormField id={`comment-deadline-${r.key}`} label={t("deadline")} error={deadlineError}>
                  <TextInput
                    {...fieldIds(`comment-deadline-${r.key}`, deadlineError)}
                    invalid={!!deadlineError}
                    type="date"
                    min={today}
                    value={r.deadline}
                    onChange={(e) => setRow(r.key, { deadline: e.target.value })}
                  />
                </FormField>
                <Button
                  type="button"
                  variant="ghost"
                  className="mt-6"
                  aria-label={t("removeItem", { n: n + 1 })}
                  onClick={() => {
                    setSaved(false);
                    setRows(rows.filter((x) => x.key !== r.key));
                  }}
                >
                  {t("remove")}
                </Button>
              </div>
            );
          })}
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              setSaved(false);
              setRows([...rows, { key: seq, content: "", deadline: "" }]);
              setSeq(seq + 1);
            }}
          >
            {t("addItem")}
          </Button>
        </fieldset>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? t("saving") : t("save")}
        </Button>
      </form>
    </Card>
  );
}
