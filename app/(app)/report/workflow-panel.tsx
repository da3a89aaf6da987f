"use client";

import { useLocale, useTranslations } from "next-intl";
import { Link } from "~/app/_components/ui/link";
import { useRouter } from "next/navigation";
import { useQueryState } from "nuqs";
import { useState, useTransition } from "react";
import { ConfirmDialog } from "~/app/_components/ui/confirm-dialog";
import { Notice } from "~/app/_components/ui/notice";
import { formatQuarter } from "~/lib/quarter";
import { Button } from "~/app/_components/ui/button";
import { FieldError, inputClass } from "~/app/_components/ui/field";
import { cn } from "~/app/_lib/cn";
import { lastDueDay } from "~/app/_lib/deadline";
import { useLazyMutation, type CallError } from "~/app/_lib/trpc/use-lazy-mutation";
import type { RouterInputs, RouterOutputs } from "~/app/_lib/trpc/types";
import { formatDate, formatDateTime } from "~/app/_lib/format-date";
import { reportHref, reportParsers } from "./params";

type Report = RouterOutputs["report"]["get"];

/** The report's place in the workflow, and the reviewer's / admin's actions on it. */
export function WorkflowPanel({ report }: { report: Report }) {
  const t = useTranslations("workflow");
  const c = useTranslations("confirm");
  const locale = useLocale();
  const router = useRouter();
  // Arrived here from approving the previous report (下一份待审).
  const [after] = useQueryState("after", reportParsers.after);
  const cameFromApproval = after === "approved";
  const [askApprove, setAskApprove] = useState(false);
  const [queueEmpty, setQueueEmpty] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const key = { unitId: report.unitId, quarter: report.quarter };
  // Decisions name the version on screen: a report returned, edited and resubmitted meanwhile is refused (CONFLICT), not approved unseen.
  const seen = { ...key, version: report.version };

  const onSuccess = () => {
    setReason("");
    setError(null);
  };
  const onError = (e: CallError) => {
    setError({ message: e.fieldErrors.reason ?? e.message, field: e.fieldErrors.reason ? "reason" : undefined });
  };
  const approve = useLazyMutation(
    // Approved, then the next report waiting in the reviewer's reach (none: null).
    async (api, input: RouterInputs["report"]["approve"]) => {
      await api.report.approve.mutate(input);
      return (await api.report.nextToReview.query(key)).next;
    },
    {
      onSuccess: (next) => {
        setAskApprove(false);
        onSuccess();
        // Straight on to the next report, or say none remain (and show this one approved).
        if (next) startRefresh(() => router.push(reportHref("/report", { unit: next.unitId, quarter: next.quarter, after: "approved" })));
        else {
          setQueueEmpty(true);
          startRefresh(() => router.refresh());
        }
      },
      onError: (err) => {
        setAskApprove(false);
        onError(err);
      },
    },
  );
  const giveBack = useLazyMutation((api, input: RouterInputs["report"]["return"]) => api.report.return.mutate(input), {
    refresh: true,
    onSuccess,
    onError,
  });
  const reopen = useLazyMutation((api, input: RouterInputs["report"]["reopen"]) => api.report.reopen.mutate(input), {
    refresh: true,
    onSuccess,
    onError,
  });
  const busy = approve.isPending || giveBack.isPending || reopen.isPending || refreshing;
  const when = (d: Date | null) => (d ? formatDateTime(d, locale) : "—");

  const reasonBox = (label: string) => (
    <label className="block text-sm">
      <span className="mb-1 block text-neutral-600">{label}</span>
      <textarea
        className={cn(inputClass, "h-16 py-1", error?.field && "border-red-600")}
        value={reason}
        maxLength={500}
        aria-describedby={error?.field ? "error-reason" : undefined}
        onChange={(e) => setReason(e.target.value)}
      />
      <FieldError id="error-reason" message={error?.field ? error.message : undefined} />
    </label>
  );

  return (
    <div className="space-y-3">
      {!report.owed ? (
        <div data-testid="not-owed">
          <Notice tone="info">
            {report.quarter < report.reportsFrom
              ? c("notOwedBefore", { from: formatQuarter(report.reportsFrom, locale) })
              : c("notOwedAfter", { until: formatQuarter(report.reportsUntil ?? report.quarter, locale) })}
          </Notice>
        </div>
      ) : null}
      {cameFromApproval && report.permissions.review ? <Notice tone="success">{c("nextAfterApproval")}</Notice> : null}
      {queueEmpty ? (
        <div data-testid="review-queue-empty">
          <Notice tone="success">
            {c("queueEmpty")}{" "}
            <Link className="text-party hover:underline" href="/">
              {c("backToTodo")}
            </Link>
          </Notice>
        </div>
      ) : null}
      {askApprove ? (
        <ConfirmDialog
          title={c("approveTitle")}
          body={c("approveBody", { unit: report.unitName, quarter: formatQuarter(report.quarter, locale) })}
          closeLabel={c("close")}
          cancelLabel={c("cancel")}
          confirmLabel={c("approveConfirm")}
          error={null}
          pending={approve.isPending}
          onClose={() => setAskApprove(false)}
          onConfirm={() => approve.mutate(seen)}
        />
      ) : null}
      <p className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-neutral-600">
        <span>{t("deadline", { when: formatDate(lastDueDay(report.deadline), locale) })}</span>
        {report.submittedAt ? <span>{t("submittedAt", { when: when(report.submittedAt) })}</span> : null}
        {report.late ? <span className="font-medium text-amber-800">{t("late")}</span> : null}
        {report.reviewedAt && report.status === "approved" ? <span>{t("approvedAt", { when: when(report.reviewedAt) })}</span> : null}
      </p>
      {report.status === "returned" && report.returnReason ? (
        <p role="note" className="rounded border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900">
          <span className="font-medium">{t("returnedBecause")}</span>
          {report.returnReason}
        </p>
      ) : null}
      {report.permissions.review ? (
        <section aria-label={t("reviewHeading")} className="space-y-2 rounded border border-blue-200 bg-blue-50/50 px-4 py-3">
          <h2 className="text-sm font-semibold">{t("reviewHeading")}</h2>
          {reasonBox(t("returnReason"))}
          <div className="flex gap-2">
            <Button type="button" disabled={busy} onClick={() => setAskApprove(true)}>
              {t("approve")}
            </Button>
            <Button type="button" variant="secondary" disabled={busy} onClick={() => giveBack.mutate({ ...seen, reason })}>
              {t("return")}
            </Button>
          </div>
        </section>
      ) : null}
      {report.permissions.reopen ? (
        <section aria-label={t("reopenHeading")} className="space-y-2 rounded border border-neutral-300 bg-white px-4 py-3">
          <h2 className="text-sm font-semibold">{t("reopenHeading")}</h2>
          <p className="text-xs text-neutral-500">{t("reopenHelp")}</p>
          {reasonBox(t("reopenReason"))}
          <Button type="button" variant="secondary" disabled={busy} onClick={() => reopen.mutate({ ...seen, reason })}>
            {t("reopen")}
          </Button>
        </section>
      ) : null}
      {error && !error.field ? (
        <p role="alert" className="text-sm text-red-800">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}
