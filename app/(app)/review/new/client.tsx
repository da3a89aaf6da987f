"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { UnitQuarterPicker } from "~/app/_components/unit-quarter-picker";
import { Button } from "~/app/_components/ui/button";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { inputClass, TextInput } from "~/app/_components/ui/field";
import { fieldIds, FormField } from "~/app/_components/ui/form-field";
import { Notice } from "~/app/_components/ui/notice";
import { Select } from "~/app/_components/ui/select";
import { cn } from "~/app/_lib/cn";
import { describeError } from "~/app/_lib/trpc/errors";
import { useTRPC } from "~/app/_lib/trpc/react";
import { formatQuarter } from "~/lib/quarter";
import type { ScoreInclusion } from "~/app/_lib/api-types";
import { KindChoice } from "./kind-choice";
import { reviewNewHref } from "./params";
import { AgendaEditor, type AgendaRow } from "../agenda-editor";
import { reviewListHref } from "../params";
import { useServerErrors } from "~/app/_lib/use-server-errors";

type Props = { unitId: number; quarter: string; quarters: string[]; running: string; include: ScoreInclusion };

/** 新建审议会: pick the subtree and quarter, edit the proposed agenda, create. */
export function NewReviewClient(props: Props) {
  const t = useTranslations();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const input = { unitId: props.unitId, quarter: props.quarter, include: props.include };
  const proposal = useQuery(trpc.review.propose.queryOptions(input));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-4 rounded border border-neutral-200 bg-white px-4 py-3">
        <h1 className="mr-auto self-center text-lg font-semibold">{t("review.newPage.title")}</h1>
        <KindChoice kind="accountability" unitId={props.unitId} />
        <UnitQuarterPicker
          unitId={props.unitId}
          quarter={props.quarter}
          quarters={props.quarters}
          running={props.running}
          unitLabel={t("review.newPage.unitLabel")}
          quarterLabel={t("review.newPage.quarterLabel")}
        />
        <label className="text-sm">
          <span className="mb-1 block text-neutral-600">{t("review.newPage.include")}</span>
          <Select
            value={props.include}
            onChange={(e) =>
              router.push(
                reviewNewHref(pathname, { unit: props.unitId, quarter: props.quarter, include: e.target.value as ScoreInclusion }),
              )
            }
          >
            <option value="approved">{t("review.newPage.includeApproved")}</option>
            <option value="submitted">{t("review.newPage.includeSubmitted")}</option>
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
        // Keyed by the choice, so a new subtree or quarter starts from its own proposal.
        <ProposalForm
          key={`${props.unitId}:${props.quarter}:${props.include}`}
          {...props}
          proposed={proposal.data.items.map((i) => ({ ...i, addedByChair: false }))}
          onCreated={(id) => router.push(`/review/${id}`)}
          defaultTitle={t("review.newPage.defaultTitle", { quarter: formatQuarter(props.quarter, locale) })}
        />
      )}
    </div>
  );
}

function ProposalForm(props: Props & { proposed: AgendaRow[]; defaultTitle: string; onCreated: (id: number) => void }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<AgendaRow[]>(props.proposed);
  const [title, setTitle] = useState(props.defaultTitle);
  const [attendees, setAttendees] = useState("");
  const { fields: errors, problem, show: fail } = useServerErrors({ alwaysMessage: true });
  const create = useMutation(
    trpc.review.create.mutationOptions({
      onSuccess: async ({ id }) => {
        await queryClient.invalidateQueries(trpc.review.list.pathFilter());
        props.onCreated(id);
      },
      onError: fail,
    }),
  );
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    create.mutate({
      unitId: props.unitId,
      quarter: props.quarter,
      include: props.include,
      title,
      attendees,
      unitIds: rows.map((r) => r.unitId),
    });
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      <Card className="px-4 py-3">
        <FormField id="review-title" label={t("review.newPage.meetingTitle")} error={errors.title} className="max-w-xl">
          <TextInput
            {...fieldIds("review-title", errors.title)}
            invalid={!!errors.title}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        </FormField>
        <FormField
          id="review-attendees"
          label={t("review.attendees.label")}
          hint={t("review.attendees.hintNew")}
          error={errors.attendees}
          className="mt-3 max-w-xl"
        >
          <textarea
            {...fieldIds("review-attendees", errors.attendees)}
            aria-invalid={!!errors.attendees || undefined}
            className={cn(inputClass, "h-20 py-1.5 leading-relaxed", errors.attendees && "border-red-600")}
            value={attendees}
            onChange={(e) => setAttendees(e.target.value)}
          />
        </FormField>
      </Card>
      <Card>
        <CardHeader
          title={t("review.newPage.proposed")}
          description={t("review.newPage.proposedDesc")}
          actions={<span className="whitespace-nowrap text-sm text-neutral-600">{t("review.newPage.count", { count: rows.length })}</span>}
        />
        {props.proposed.length === 0 ? <Notice className="m-3">{t("review.newPage.noProposal")}</Notice> : null}
        <AgendaEditor rows={rows} rootId={props.unitId} onChange={setRows} restore={(id) => props.proposed.find((p) => p.unitId === id)} />
        {errors.unitIds ? (
          <p className="px-4 pb-2 text-xs text-red-700" role="alert">
            {errors.unitIds}
          </p>
        ) : null}
      </Card>
      <div className="flex justify-end">
        <Button type="submit" disabled={create.isPending || rows.length === 0}>
          {create.isPending ? t("review.newPage.creating") : t("review.newPage.create")}
        </Button>
      </div>
    </form>
  );
}
