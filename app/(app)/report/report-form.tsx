"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState, useTransition } from "react";
import { Button } from "~/app/_components/ui/button";
import { ConfirmDialog } from "~/app/_components/ui/confirm-dialog";
import { formatQuarter } from "~/lib/quarter";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { FieldError, TextInput } from "~/app/_components/ui/field";
import { FormErrors } from "~/app/_components/ui/form-errors";
import { describeError } from "~/app/_lib/trpc/errors";
import { CallError, useLazyMutation } from "~/app/_lib/trpc/use-lazy-mutation";
import type { RouterInputs, RouterOutputs } from "~/app/_lib/trpc/types";
import { IndicatorRow, type IndicatorItem } from "./indicator-row";
import { PreviewSummary, usePreviewProblem } from "./preview-summary";
import { previewReport, readField } from "./preview";
import { AutosaveStatus } from "./autosave-status";
import { useAutosave } from "./use-autosave";
import { isReportEditable } from "~/lib/status";
import { Table, TBody, TH, THead, TR } from "~/app/_components/ui/table";

type Report = RouterOutputs["report"]["get"];

/** What a typed field sends: a number when it is one, otherwise the raw text for the server to judge. */
const toPayload = (text: string): number | string | null => {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : trimmed;
};

type SaveInput = RouterInputs["report"]["save"];

export function ReportForm({
  report,
  indicators,
  weights,
  onReload,
}: {
  report: Report;
  indicators: IndicatorItem[];
  /** The quarter's category weights (indicator.categories), read with the page. */
  weights: Record<string, number>;
  onReload: () => void;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const [, startRefresh] = useTransition();

  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(report.values.map((v) => [v.indicatorCode, String(v.value)])),
  );
  const [businessScore, setBusinessScore] = useState(report.businessScore === null ? "" : String(report.businessScore));
  const [version, setVersion] = useState(report.version);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ tone: "ok" | "error" | "conflict"; text: string } | null>(null);

  const showError = (err: unknown) => {
    const e = describeError(err);
    setFieldErrors(e.fieldErrors);
    if (e.code === "CONFLICT") setNotice({ tone: "conflict", text: t("report.conflict", { message: e.message }) });
    else if (Object.keys(e.fieldErrors).length > 0)
      setNotice({ tone: "error", text: t("report.hasErrors", { count: Object.keys(e.fieldErrors).length }) });
    else setNotice({ tone: "error", text: t("common.error", { message: e.message }) });
  };

  const submitReport = useLazyMutation((api, input: RouterInputs["report"]["submit"]) => api.report.submit.mutate(input), {
    refresh: true,
    onSuccess: (res) => {
      setVersion(res.version);
      setNotice({ tone: "ok", text: res.late ? t("report.submittedLate") : t("report.submitted") });
    },
    onError: showError,
  });
  const byCategory = useMemo(() => {
    const groups = new Map<string, IndicatorItem[]>();
    for (const ind of indicators) groups.set(ind.category, [...(groups.get(ind.category) ?? []), ind]);
    return [...groups];
  }, [indicators]);

  const scores = useMemo(() => {
    return previewReport(indicators, weights, values);
  }, [values, indicators, weights]);
  const problemText = usePreviewProblem();
  const businessError = problemText(readField("score", businessScore)) ?? fieldErrors.businessScore;
  // The summary at the top lists the server's errors in the words the fields show (the live check's where it speaks).
  const listedErrors = useMemo(
    () =>
      Object.fromEntries(
        Object.entries(fieldErrors).map(([k, m]) => [
          k,
          (k.startsWith("values.") ? problemText(scores.fields[k.slice(7)]) : k === "businessScore" ? businessError : undefined) ?? m,
        ]),
      ),
    [fieldErrors, scores, businessError, problemText],
  );

  const [intent, setIntent] = useState<"save" | "submit">("save");
  // The draft as the server receives it; autosaved a moment after typing stops (autosave.ts).
  const snapshot = useMemo(
    () => ({
      businessScore: toPayload(businessScore),
      values: indicators.map((i) => ({ indicatorCode: i.code, value: toPayload(values[i.code] ?? "") })),
    }),
    [businessScore, values, indicators],
  );
  const versionRef = useRef(version);
  const manualBusy = useRef(false);
  versionRef.current = version;
  const draftSave = useLazyMutation((api, input: SaveInput) => api.report.save.mutate(input));
  const autosave = useAutosave({
    snapshot,
    enabled: report.permissions.edit && isReportEditable(report.status),
    valid: scores.invalid === 0 && !businessError,
    save: async (snap) => {
      const res = await draftSave.mutateAsync({ unitId: report.unitId, quarter: report.quarter, version: versionRef.current, ...snap });
      versionRef.current = res.version;
      setVersion(res.version);
      // The header's 最后保存 follows: the page is read again, the form keeps what is typed.
      startRefresh(() => router.refresh());
    },
    canSave: () => !manualBusy.current,
    isConflict: (err) => err instanceof CallError && err.code === "CONFLICT",
    onError: showError,
  });
  const save = useLazyMutation((api, input: SaveInput) => api.report.save.mutate(input), {
    refresh: true,
    onSuccess: (res, sent) => {
      setVersion(res.version);
      autosave.markSaved({
        businessScore: sent.businessScore ?? null,
        values: sent.values.map((v) => ({ indicatorCode: v.indicatorCode, value: v.value ?? null })),
      });
      setFieldErrors({});
      setNotice({ tone: "ok", text: t("report.saved", { version: res.version }) });
    },
    onError: showError,
  });

  const busy = save.isPending || submitReport.isPending;
  manualBusy.current = busy;
  const disabled = !report.permissions.edit || busy;
  // Handing in is hard to undo (only a reviewer can give it back): it is confirmed first.
  const [askSubmit, setAskSubmit] = useState(false);
  const submit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const next = (e.nativeEvent as SubmitEvent).submitter?.getAttribute("value") === "submit" ? "submit" : "save";
    if (next === "submit") setAskSubmit(true);
    else store("save");
  };
  const store = (next: "save" | "submit") => {
    // "Submit" saves what is on screen first, then hands the report in with the new version.
    setIntent(next);
    save
      .mutateAsync({
        unitId: report.unitId,
        quarter: report.quarter,
        version: versionRef.current,
        businessScore: toPayload(businessScore),
        values: indicators.map((i) => ({ indicatorCode: i.code, value: toPayload(values[i.code] ?? "") })),
      })
      .then((res) => {
        if (next === "submit") submitReport.mutate({ unitId: report.unitId, quarter: report.quarter, version: res.version });
      })
      // The failure is on screen already (onError).
      .catch(() => undefined);
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {/* The one-line outcome stays next to the buttons; the summary at the top lists the fields. */}
      <FormErrors errors={listedErrors} />
      {!report.permissions.edit ? (
        <p className="rounded border border-neutral-300 bg-neutral-50 px-4 py-2 text-sm text-neutral-700">
          {t(
            report.status === "submitted"
              ? "report.readOnlySubmitted"
              : report.status === "approved"
                ? "report.readOnlyApproved"
                : "report.readOnly",
          )}
        </p>
      ) : null}
      <Card>
        <div className="flex flex-wrap items-start gap-6 px-4 py-3">
          <div className="w-48">
            <label htmlFor="businessScore" className="mb-1 block text-sm font-medium">
              {t("report.businessScore")}
            </label>
            <TextInput
              id="businessScore"
              inputMode="decimal"
              className="text-right"
              value={businessScore}
              disabled={disabled}
              invalid={!!businessError}
              aria-describedby={businessError ? "businessScore-help error-businessScore" : "businessScore-help"}
              onChange={(e) => {
                setBusinessScore(e.target.value);
                setFieldErrors(({ businessScore: _old, ...rest }) => rest);
              }}
            />
            <FieldError id="error-businessScore" message={businessError} />
          </div>
          <p id="businessScore-help" className="max-w-md pt-6 text-xs text-neutral-500">
            {t("report.businessScoreHelp")}
          </p>
          <PreviewSummary preview={scores} />
        </div>
      </Card>

      {byCategory.map(([code, list]) => (
        <Card key={code} aria-labelledby={`cat-${code}`}>
          <CardHeader
            title={t(`categories.${code}`)}
            actions={
              <span className="text-sm text-neutral-600">
                {t("report.categoryScore")}{" "}
                <span className="num font-semibold" data-partial={scores.categories[code]?.partial || undefined}>
                  {scores.categories[code]?.score?.toFixed(1) ?? "—"}
                </span>
                {scores.categories[code]?.partial && scores.categories[code]?.score != null ? (
                  <span className="ml-1 text-xs text-amber-700">{t("forms.preview.partialShort")}</span>
                ) : null}
              </span>
            }
          />
          <Table className="block w-full text-sm sm:table sm:table-fixed">
            <colgroup className="hidden sm:table-column-group">
              <col />
              <col className="w-20" />
              <col className="w-20" />
              <col className="w-44" />
              <col className="w-20" />
            </colgroup>
            <THead className="hidden text-left text-xs text-neutral-500 sm:table-header-group">
              <TR>
                <TH className="py-1.5 pl-4 pr-2 font-normal">{t("report.indicator")}</TH>
                <TH className="px-2 font-normal">{t("report.measure")}</TH>
                <TH className="num px-2 font-normal">{t("report.target")}</TH>
                <TH className="px-2 font-normal">{t("report.value")}</TH>
                <TH className="num pl-2 pr-4 font-normal">{t("common.score")}</TH>
              </TR>
            </THead>
            <TBody className="block sm:table-row-group">
              {list.map((ind) => (
                <IndicatorRow
                  key={ind.code}
                  indicator={ind}
                  locale={locale}
                  value={values[ind.code] ?? ""}
                  score={scores.indicators[ind.code]}
                  error={problemText(scores.fields[ind.code]) ?? fieldErrors[`values.${ind.code}`]}
                  disabled={disabled}
                  onChange={(v) => {
                    setValues((prev) => ({ ...prev, [ind.code]: v }));
                    // The server's message was about the old value; the live check speaks for the new one.
                    setFieldErrors(({ [`values.${ind.code}`]: _old, ...rest }) => rest);
                  }}
                />
              ))}
            </TBody>
          </Table>
        </Card>
      ))}

      {report.permissions.edit || notice ? (
        <div className="sticky bottom-0 flex flex-wrap items-center gap-3 border-t border-neutral-200 bg-neutral-100/95 py-3">
          {report.permissions.edit ? (
            <>
              <Button type="submit" name="intent" value="save" variant="secondary" disabled={disabled || draftSave.isPending}>
                {save.isPending && intent === "save" ? t("report.saving") : t("report.save")}
              </Button>
              <Button type="submit" name="intent" value="submit" disabled={disabled || draftSave.isPending}>
                {busy && intent === "submit" ? t("report.submitting") : t("report.submit")}
              </Button>
            </>
          ) : null}
          {report.permissions.edit ? <AutosaveStatus state={autosave.state} savedAt={autosave.savedAt} /> : null}
          {notice ? (
            <p
              role={notice.tone === "ok" ? "status" : "alert"}
              className={notice.tone === "ok" ? "text-sm text-green-800" : "text-sm text-red-800"}
            >
              {notice.text}
            </p>
          ) : null}
          {askSubmit ? (
            <ConfirmDialog
              title={t("confirm.submitTitle")}
              body={t(new Date() > report.deadline ? "confirm.submitBodyLate" : "confirm.submitBody", {
                unit: report.unitName,
                quarter: formatQuarter(report.quarter, locale),
              })}
              closeLabel={t("confirm.close")}
              cancelLabel={t("confirm.cancel")}
              confirmLabel={t("confirm.submitConfirm")}
              error={null}
              pending={busy}
              onClose={() => setAskSubmit(false)}
              onConfirm={() => {
                setAskSubmit(false);
                store("submit");
              }}
            />
          ) : null}
          {notice?.tone === "conflict" ? (
            <Button type="button" variant="secondary" onClick={onReload}>
              {t("report.reload")}
            </Button>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
