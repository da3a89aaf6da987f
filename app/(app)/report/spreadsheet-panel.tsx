"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { Button, buttonClass } from "~/app/_components/ui/button";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { Notice } from "~/app/_components/ui/notice";
import { describeError } from "~/app/_lib/trpc/errors";
import { MAX_UPLOAD_BYTES as MAX_BYTES, toBase64 } from "~/app/_lib/upload-file";
import { useTRPC } from "~/app/_lib/trpc/react";
import { addQuarters } from "~/lib/quarter";
import { FileUploadButton } from "~/app/_components/file-upload-button";
import { ImportJobStatus } from "./import-job-status";
import { SpreadsheetPreview, type Preview } from "./spreadsheet-preview";

const dismissedKey = "djzl.importJob.dismissed";

/** Template download, Excel/CSV upload with a preview before anything is written, and export links. */
export function SpreadsheetPanel(props: { unitId: number; quarter: string; running: string; onImported: () => void }) {
  const t = useTranslations("spreadsheet");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.me.get.queryOptions());
  const [file, setFile] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string } | null>(null);

  const fail = (err: unknown) => setNotice({ tone: "error", text: describeError(err).message });
  const check = useMutation(trpc.spreadsheet.preview.mutationOptions({ onSuccess: setPreview, onError: fail }));
  // The import runs as a background job: the page follows it, and finds it again after leaving.
  const latest = useQuery(trpc.importJob.latest.queryOptions());
  const [jobId, setJobId] = useState<number | null>(null);
  const [dismissed, setDismissed] = useState<number | null>(null);
  useEffect(() => setDismissed(Number(window.localStorage.getItem(dismissedKey)) || null), []);
  const shownJob = jobId ?? (latest.data && latest.data.id !== dismissed ? latest.data.id : null);
  const dismissJob = () => {
    if (shownJob !== null) window.localStorage.setItem(dismissedKey, String(shownJob));
    setDismissed(shownJob);
    setJobId(null);
  };
  const run = useMutation(
    trpc.importJob.start.mutationOptions({
      onSuccess: ({ id }) => {
        setPreview(null);
        setFile(null);
        setJobId(id);
      },
      onError: fail,
    }),
  );
  const { onImported } = props;
  const jobFinished = useCallback(
    async (succeeded: boolean) => {
      if (!succeeded) return;
      await Promise.all([
        queryClient.invalidateQueries(trpc.report.pathFilter()),
        queryClient.invalidateQueries(trpc.meeting.pathFilter()),
        queryClient.invalidateQueries(trpc.dashboard.pathFilter()),
        queryClient.invalidateQueries(trpc.todo.pathFilter()),
      ]);
      onImported();
    },
    [queryClient, trpc, onImported],
  );

  const choose = async (chosen: File) => {
    setPreview(null);
    setNotice(null);
    if (shownJob !== null) dismissJob();
    if (chosen.size > MAX_BYTES) return setNotice({ tone: "error", text: t("tooLarge") });
    const payload = { fileName: chosen.name, contentBase64: await toBase64(chosen) };
    setFile(payload);
    check.mutate(payload);
  };

  const from = addQuarters(props.running, -7);
  const exportHref = (format: string) => `/api/export/reports?unit=${props.unitId}&from=${from}&to=${props.running}&format=${format}`;
  const canUpload = me.data?.role === "staff" || me.data?.role === "admin";

  return (
    <Card aria-labelledby="spreadsheet-title" data-testid="spreadsheet-panel">
      <CardHeader title={t("title")} description={t("description")} />
      <div className="flex flex-wrap items-center gap-3 px-4 py-3">
        <a className={buttonClass("secondary")} href={`/api/export/template?unit=${props.unitId}&quarter=${props.quarter}`} download>
          {t("downloadTemplate")}
        </a>
        {canUpload ? (
          <>
            <FileUploadButton
              id="spreadsheet-file"
              label={check.isPending ? t("reading") : t("upload")}
              disabled={check.isPending || run.isPending}
              onFile={(chosen) => void choose(chosen)}
            />
          </>
        ) : null}
        <span className="ml-auto flex items-center gap-2 text-sm text-neutral-600">
          {t("exportLabel")}
          <a className="text-party hover:underline" href={exportHref("xlsx")} download>
            {t("exportXlsx")}
          </a>
          <a className="text-party hover:underline" href={exportHref("csv")} download>
            {t("exportCsv")}
          </a>
        </span>
      </div>
      {notice || preview || shownJob !== null ? (
        <div className="space-y-3 border-t border-neutral-200 px-4 py-3">
          {notice ? <Notice tone={notice.tone}>{notice.text}</Notice> : null}
          {shownJob !== null && !preview ? (
            <ImportJobStatus
              key={shownJob}
              id={shownJob}
              startedHere={jobId === shownJob}
              onFinished={jobFinished}
              onDismiss={dismissJob}
            />
          ) : null}
          {preview ? (
            <>
              <SpreadsheetPreview preview={preview} />
              {preview.errorCount === 0 ? <Notice tone="info">{preview.hasChanges ? t("ready") : t("nothingToImport")}</Notice> : null}
              <div className="flex gap-3">
                <Button type="button" disabled={!preview.canImport || !file || run.isPending} onClick={() => file && run.mutate(file)}>
                  {run.isPending ? t("importing") : t("confirm")}
                </Button>
                <Button type="button" variant="secondary" disabled={run.isPending} onClick={() => (setPreview(null), setFile(null))}>
                  {t("cancel")}
                </Button>
              </div>
            </>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
