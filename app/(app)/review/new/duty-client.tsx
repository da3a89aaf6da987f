"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { UnitFilter } from "~/app/_components/unit-picker/unit-filter";
import { Button } from "~/app/_components/ui/button";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { inputClass, TextInput } from "~/app/_components/ui/field";
import { fieldIds, FormField } from "~/app/_components/ui/form-field";
import { Notice } from "~/app/_components/ui/notice";
import { Select } from "~/app/_components/ui/select";
import { cn } from "~/app/_lib/cn";
import { describeError } from "~/app/_lib/trpc/errors";
import { useTRPC } from "~/app/_lib/trpc/react";
import { useServerErrors } from "~/app/_lib/use-server-errors";
import { AgendaEditor, type AgendaRow } from "../agenda-editor";
import { reviewListHref } from "../params";
import { KindChoice } from "./kind-choice";
import { reviewNewDutyHref } from "./params";

type Props = { unitId: number; year: number; years: number[] };

/** 新建述职评议会: pick the subtree and the assessment year, edit the agenda of secretaries, create. */
export function NewDutyReviewClient(props: Props) {
  const t = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const proposal = useQuery(trpc.review.proposeDuty.queryOptions({ unitId: props.unitId, year: props.year }));
  const go = (unit: number, year: number) => router.push(reviewNewDutyHref(pathname, { unit, kind: "duty_review", year }));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-4 rounded border border-neutral-200 bg-white px-4 py-3">
        <h1 className="mr-auto self-center text-lg font-semibold">{t("dutyReview.newPage.title")}</h1>
        <KindChoice kind="duty_review" unitId={props.unitId} />
        <UnitFilter label={t("dutyReview.newPage.unitLabel")} value={props.unitId} onChange={(u) => go(u.id, props.year)} />
        <label className="text-sm">
          <span className="mb-1 block text-neutral-600">{t("dutyReview.newPage.yearLabel")}</span>
          <Select value={props.year} onChange={(e) => go(props.unitId, Number(e.target.value))}>
            {props.years.map((y) => (
              <option key={y} value={y}>
                {t("dutyReview.year", { year: y })}
              </option>
            ))}
          </Select>
        </label>
        <Link className="self-center text-sm text-party hover:underline" href={reviewListHref(props.unitId)}>
          {t("review.back")}
        </Link>
      </div>
      {proposal.error ? (
        <Notice tone="error">{t("common.error", { message: describeError(proposal.error).message })}</Notice>
      ) : !proposal.data ? (
        <p className="text-sm text-neutral-500">{t("review.loading")}</p>
      ) : (
        // Keyed by the choice, so a new subtree or year starts from its own agenda.
        <DutyForm
          key={`${props.unitId}:${props.year}`}
          {...props}
          proposed={proposal.data.items.map((i) => ({
            unitId: i.unitId,
            unitName: i.unitName,
            secretary: i.secretary,
            composite: null,
            reasons: [],
            addedByChair: false,
          }))}
          defaultTitle={t("dutyReview.newPage.defaultTitle", { year: props.year })}
          onCreated={(id) => router.push(`/review/${id}`)}
        />
      )}
    </div>
  );
}

function DutyForm(props: Props & { proposed: AgendaRow[]; defaultTitle: string; onCreated: (id: number) => void }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<AgendaRow[]>(props.proposed);
  const [title, setTitle] = useState(props.defaultTitle);
  const [attendees, setAttendees] = useState("");
  const { fields: errors, problem, show: fail } = useServerErrors({ alwaysMessage: true });
  const create = useMutation(
    trpc.review.createDuty.mutationOptions({
      onSuccess: async ({ id }) => {
        await queryClient.invalidateQueries(trpc.review.list.pathFilter());
        props.onCreated(id);
      },
      onError: fail,
    }),
  );
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    create.mutate({ unitId: props.unitId, year: props.year, title, attendees, unitIds: rows.map((r) => r.unitId) });
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      {errors.year ? <Notice tone="error">{errors.year}</Notice> : null}
      <Card className="px-4 py-3">
        <FormField id="duty-review-title" label={t("review.newPage.meetingTitle")} error={errors.title} className="max-w-xl">
          <TextInput
            {...fieldIds("duty-review-title", errors.title)}
            invalid={!!errors.title}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        </FormField>
        <FormField
          id="duty-review-attendees"
          label={t("review.attendees.label")}
          hint={t("review.attendees.hintNew")}
          error={errors.attendees}
          className="mt-3 max-w-xl"
        >
          <textarea
            {...fieldIds("duty-review-attendees", errors.attendees)}
            aria-invalid={!!errors.attendees || undefined}
            className={cn(inputClass, "h-20 py-1.5 leading-relaxed", errors.attendees && "border-red-600")}
            value={attendees}
            onChange={(e) => setAttendees(e.target.value)}
          />
        </FormField>
      </Card>
      <Card>
        <CardHeader
          title={t("dutyReview.newPage.agenda")}
          description={t("dutyReview.newPage.agendaDesc")}
          actions={<span className="whitespace-nowrap text-sm text-neutral-600">{t("review.newPage.count", { count: rows.length })}</span>}
        />
        {props.proposed.length === 0 ? <Notice className="m-3">{t("dutyReview.newPage.noSecretaries")}</Notice> : null}
        <AgendaEditor
          duty
          rows={rows}
          rootId={props.unitId}
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
        <Button type="submit" disabled={create.isPending || rows.length === 0}>
          {create.isPending ? t("review.newPage.creating") : t("dutyReview.newPage.create")}
        </Button>
      </div>
    </form>
  );
}
