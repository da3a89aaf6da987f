"use client";

import { useTranslations } from "next-intl";
import { Link } from "~/app/_components/ui/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "~/app/_components/ui/button";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { inputClass, TextInput } from "~/app/_components/ui/field";
import { fieldIds, FormField } from "~/app/_components/ui/form-field";
import { Notice } from "~/app/_components/ui/notice";
import { cn } from "~/app/_lib/cn";
import type { TrpcClient } from "~/app/_lib/trpc/client";
import type { PageRead } from "~/app/_lib/trpc/page-read";
import { useLazyMutation } from "~/app/_lib/trpc/use-lazy-mutation";
import type { ReviewMeetingKind } from "~/lib/codes";
import { AgendaEditor, type AgendaRow } from "../agenda-editor";
import { reviewListHref } from "../params";
import { KindChoice } from "./kind-choice";

/**
 * The page of a new review meeting, whichever kind: the heading with the kind choice and the
 * kind's own pickers, then the form made from its proposal (read on the server), or why it failed.
 */
export function NewMeetingPage(props: {
  kind: ReviewMeetingKind;
  unitId: number;
  title: string;
  pickers: React.ReactNode;
  proposal: PageRead<unknown>;
  children: React.ReactNode;
}) {
  const t = useTranslations();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-4 rounded border border-neutral-200 bg-white px-4 py-3">
        <h1 className="mr-auto self-center text-lg font-semibold">{props.title}</h1>
        <KindChoice kind={props.kind} unitId={props.unitId} />
        {props.pickers}
        <Link className="self-center text-sm text-party hover:underline" href={reviewListHref(props.unitId)}>
          {t("review.back")}
        </Link>
      </div>
      {props.proposal.ok ? props.children : <Notice tone="error">{t("common.error", { message: props.proposal.message })}</Notice>}
    </div>
  );
}

/** What the form adds to the kind's own input (its subtree and quarter or year). */
export type NewMeetingFields = { title: string; attendees: string; unitIds: number[] };

/**
 * The form of a new review meeting: title, attendees and the agenda to edit, then create.
 * `create` sends the kind's mutation with these fields (the tRPC client loads on the first
 * submit); on success the new meeting opens. `inputErrors`: the kind's own fields whose server
 * message shows above the form.
 */
export function NewMeetingForm(props: {
  idPrefix: string;
  rootId: number;
  proposed: AgendaRow[];
  defaultTitle: string;
  duty?: boolean;
  labels: { agenda: string; agendaDesc: string; empty: string; create: string };
  inputErrors?: string[];
  create: (api: TrpcClient, fields: NewMeetingFields) => Promise<{ id: number }>;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [rows, setRows] = useState<AgendaRow[]>(props.proposed);
  const [title, setTitle] = useState(props.defaultTitle);
  const [attendees, setAttendees] = useState("");
  // The button stays busy until the new meeting's page is there.
  const [opening, startOpening] = useTransition();
  const create = useLazyMutation(props.create, { onSuccess: ({ id }) => startOpening(() => router.push(`/review/${id}`)) });
  const errors = create.error?.fieldErrors ?? {};
  const problem = create.error?.message ?? null;
  const pending = create.isPending || opening;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    create.mutate({ title, attendees, unitIds: rows.map((r) => r.unitId) });
  };
  const titleId = `${props.idPrefix}-title`;
  const attendeesId = `${props.idPrefix}-attendees`;
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      {(props.inputErrors ?? []).map((f) =>
        errors[f] ? (
          <Notice key={f} tone="error">
            {errors[f]}
          </Notice>
        ) : null,
      )}
      <Card className="px-4 py-3">
        <FormField id={titleId} label={t("review.newPage.meetingTitle")} error={errors.title} className="max-w-xl">
          <TextInput
            {...fieldIds(titleId, errors.title)}
            invalid={!!errors.title}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        </FormField>
        <FormField
          id={attendeesId}
          label={t("review.attendees.label")}
          hint={t("review.attendees.hintNew")}
          error={errors.attendees}
          className="mt-3 max-w-xl"
        >
          <textarea
            {...fieldIds(attendeesId, errors.attendees)}
            aria-invalid={!!errors.attendees || undefined}
            className={cn(inputClass, "h-20 py-1.5 leading-relaxed", errors.attendees && "border-red-600")}
            value={attendees}
            onChange={(e) => setAttendees(e.target.value)}
          />
        </FormField>
      </Card>
      <Card>
        <CardHeader
          title={props.labels.agenda}
          description={props.labels.agendaDesc}
          actions={<span className="whitespace-nowrap text-sm text-neutral-600">{t("review.newPage.count", { count: rows.length })}</span>}
        />
        {props.proposed.length === 0 ? <Notice className="m-3">{props.labels.empty}</Notice> : null}
        <AgendaEditor
          duty={props.duty}
          rows={rows}
          rootId={props.rootId}
          onChange={setRows}
          restore={(id) => props.proposed.find((p) => p.unitId === id)}
        />
        {errors.unitIds ? (
          <p className="px-4 pb-2 text-xs text-red-700" role="alert">
            {errors.unitIds}
          </p>
        ) : null}
      </Card>
      <div className="flex justify-end">
        <Button type="submit" disabled={pending || rows.length === 0}>
          {pending ? t("review.newPage.creating") : props.labels.create}
        </Button>
      </div>
    </form>
  );
}
