"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { Button } from "~/app/_components/ui/button";
import { Notice } from "~/app/_components/ui/notice";
import { describeError } from "~/app/_lib/trpc/errors";
import { MAX_UPLOAD_BYTES as MAX_BYTES, toBase64 } from "~/app/_lib/upload-file";
import { TRPCReactProvider, useTRPC } from "~/app/_lib/trpc/react";
import { ImportJobStatus } from "./import-job-status";
import { SpreadsheetPreview, type Preview } from "./spreadsheet-preview";
import { dismissedJobKey, type Chosen, type ImportBusy } from "./spreadsheet-import-state";

type Props = {
  chosen: Chosen | null;
  latestJobId: number | null;
  onBusy: (busy: ImportBusy) => void;
  onImported: () => void;
};

/**
 * The spreadsheet panel's import, loaded (with the query layer) when a file is chosen or the
 * person's latest job is to be shown: the preview before anything is written, then the
 * background job's progress and result.
 */
export function SpreadsheetImport(props: Props) {
  return (
    <TRPCReactProvider>
      <ImportArea {...props} />
    </TRPCReactProvider>
  );
}

function ImportArea({ chosen, latestJobId, onBusy, onImported }: Props) {
  const t = useTranslations("spreadsheet");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string } | null>(null);

  const fail = (err: unknown) => setNotice({ tone: "error", text: describeError(err).message });
  const check = useMutation(trpc.spreadsheet.preview.mutationOptions({ onSuccess: setPreview, onError: fail }));
  // The import runs as a background job: the page follows it, and finds it again after leaving.
  const [jobId, setJobId] = useState<number | null>(null);
  const [dismissed, setDismissed] = useState<number | null>(() => Number(window.localStorage.getItem(dismissedJobKey)) || null);
  const shownJob = jobId ?? (latestJobId !== null && latestJobId !== dismissed ? latestJobId : null);
  const dismissJob = () => {
    if (shownJob !== null) window.localStorage.setItem(dismissedJobKey, String(shownJob));
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

  const [reading, setReading] = useState(false);
  const busy: ImportBusy = reading || check.isPending ? "reading" : run.isPending ? "importing" : null;
  useEffect(() => onBusy(busy), [busy, onBusy]);

  // A file chosen in the panel (each choice once).
  const [taken, setTaken] = useState(0);
  useEffect(() => {
    if (!chosen || chosen.n === taken) return;
    setTaken(chosen.n);
    setPreview(null);
    setNotice(null);
    if (shownJob !== null) dismissJob();
    if (chosen.file.size > MAX_BYTES) return setNotice({ tone: "error", text: t("tooLarge") });
    setReading(true);
    void toBase64(chosen.file)
      .then((contentBase64) => {
        const payload = { fileName: chosen.file.name, contentBase64 };
        setFile(payload);
        check.mutate(payload);
      })
      .finally(() => setReading(false));
    // Only a new choice starts this; the rest is read as it is then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chosen]);

  if (!notice && !preview && shownJob === null) return null;
  return (
    <div className="space-y-3 border-t border-neutral-200 px-4 py-3">
      {notice ? <Notice tone={notice.tone}>{notice.text}</Notice> : null}
      {shownJob !== null && !preview ? (
        <ImportJobStatus key={shownJob} id={shownJob} startedHere={jobId === shownJob} onFinished={jobFinished} onDismiss={dismissJob} />
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
  );
}
