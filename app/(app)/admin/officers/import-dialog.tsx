"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { FileUploadButton } from "~/app/_components/file-upload-button";
import { SheetErrorList } from "~/app/_components/sheet-error-list";
import { Button } from "~/app/_components/ui/button";
import { Dialog, DialogActions } from "~/app/_components/ui/dialog";
import { Notice } from "~/app/_components/ui/notice";
import { ProgressBar } from "~/app/_components/ui/progress-bar";
import { describeError } from "~/app/_lib/trpc/errors";
import { useTRPC } from "~/app/_lib/trpc/react";
import { MAX_UPLOAD_BYTES, toBase64 } from "~/app/_lib/upload-file";
import type { RosterImportJob } from "./types";

const POLL_MS = 700;
const isFinished = (job: RosterImportJob | undefined) => job?.status === "succeeded" || job?.status === "failed";

/** A roster job while it runs: rows checked, then (an import) rows written. */
function JobProgress({ job }: { job: RosterImportJob }) {
  const t = useTranslations("officerImport");
  return (
    <div className="space-y-2" data-testid="roster-job" data-status={job.status}>
      <ProgressBar
        testId="roster-job-checked"
        label={
          job.phase === "queued"
            ? t("jobQueued")
            : job.phase === "parsing"
              ? t("jobParsing")
              : t("jobChecked", { done: job.rowsChecked, total: job.rowsTotal })
        }
        done={job.rowsChecked}
        total={job.rowsTotal}
      />
      {job.kind === "rosterImport" ? (
        <ProgressBar
          testId="roster-job-written"
          label={job.phase === "writing" ? t("jobWritten", { done: job.rowsWritten, total: job.writeTotal }) : t("jobWriteWaiting")}
          done={job.rowsWritten}
          total={job.writeTotal}
        />
      ) : null}
    </div>
  );
}

/**
 * 导入名册: choose the filled roster template, see what it would change (新增 / 修改 / 不变) and
 * every error by row and column, then import it — all of it or nothing. The check and the import
 * each run as a background job (rows checked / written shown as they go); reopening the dialog
 * picks up the caller's running roster job.
 */
export function ImportDialog({
  templateHref,
  onClose,
  onDone,
}: {
  templateHref: string;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const t = useTranslations("officerImport");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [jobId, setJobId] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const fail = (err: unknown) => setProblem(describeError(err).message);
  const follow = ({ id }: { id: number }) => setJobId(id);
  const check = useMutation(trpc.officer.previewImport.mutationOptions({ onSuccess: follow, onError: fail }));
  const run = useMutation(trpc.officer.import.mutationOptions({ onSuccess: follow, onError: fail }));

  // A roster job of the caller still running (the dialog was closed mid-way): follow it again.
  const latest = useQuery(trpc.importJob.latest.queryOptions({ of: "roster" }, { staleTime: 0 }));
  useEffect(() => {
    if (jobId === null && latest.data && !isFinished(latest.data)) setJobId(latest.data.id);
  }, [jobId, latest.data]);

  const job = useQuery({
    ...trpc.importJob.get.queryOptions({ id: jobId ?? 0 }, { refetchInterval: (q) => (isFinished(q.state.data) ? false : POLL_MS) }),
    enabled: jobId !== null,
  });
  const data = jobId !== null ? job.data : undefined;
  const finished = isFinished(data);
  const running = jobId !== null && !finished;

  // An import that succeeded closes the dialog once, with its counts.
  const reported = useRef<number | null>(null);
  useEffect(() => {
    if (!data || data.kind !== "rosterImport" || data.status !== "succeeded" || reported.current === data.id) return;
    reported.current = data.id;
    const counts = data.roster ?? { created: 0, updated: 0, unchanged: 0 };
    void queryClient.invalidateQueries(trpc.officer.pathFilter());
    onDone(t("imported", { created: counts.created, updated: counts.updated, unchanged: counts.unchanged }));
  }, [data, onDone, queryClient, t, trpc]);

  const choose = async (chosen: File) => {
    setJobId(null);
    setProblem(null);
    if (chosen.size > MAX_UPLOAD_BYTES) return setProblem(t("tooLarge"));
    const payload = { fileName: chosen.name, contentBase64: await toBase64(chosen) };
    setFile(payload);
    check.mutate(payload);
  };
  const busy = check.isPending || run.isPending || running;
  const preview = finished && data?.roster ? data.roster : null;
  const canImport = data?.kind === "rosterPreview" && data.status === "succeeded" && !!preview?.canImport && !!file;

  return (
    <Dialog title={t("title")} closeLabel={t("close")} onClose={onClose} className="w-[44rem]">
      <div className="space-y-3 text-sm" data-testid="roster-import">
        <ul className="list-disc space-y-1 pl-5 text-neutral-700">
          <li>
            {t("helpTemplate")}{" "}
            <a className="text-party hover:underline" href={templateHref} download>
              {t("downloadTemplate")}
            </a>
          </li>
          <li>{t("helpMatch")}</li>
          <li>{t("helpPerson")}</li>
          <li>{t("helpAllOrNothing")}</li>
        </ul>
        <div className="flex items-center gap-3">
          <FileUploadButton
            id="roster-file"
            label={busy && data?.kind !== "rosterImport" ? t("checking") : file ? t("chooseAnother") : t("choose")}
            disabled={busy}
            onFile={(chosen) => void choose(chosen)}
          />
          {file ? (
            <span className="truncate text-neutral-600">{file.fileName}</span>
          ) : data ? (
            <span className="truncate text-neutral-600">{data.fileName}</span>
          ) : null}
        </div>
        {problem ? <Notice tone="error">{problem}</Notice> : null}
        {data && !finished ? <JobProgress job={data} /> : null}
        {data?.status === "failed" && !preview ? <Notice tone="error">{data.error ?? t("jobFailed")}</Notice> : null}
        {preview && data ? (
          <div className="space-y-3" data-testid="roster-preview">
            <dl className="grid grid-cols-4 gap-2 text-center">
              {(["created", "updated", "unchanged", "newPeople"] as const).map((k) => (
                <div key={k} className="rounded border border-neutral-200 px-2 py-1.5" data-count={k}>
                  <dt className="text-xs text-neutral-500">{t(`counts.${k}`)}</dt>
                  <dd className="num text-lg font-semibold tabular-nums">{preview[k]}</dd>
                </div>
              ))}
            </dl>
            {data.errorCount > 0 ? (
              <SheetErrorList errors={data.errors} errorCount={data.errorCount} />
            ) : (
              <Notice tone="info">{preview.hasChanges ? t("ready", { units: preview.units }) : t("nothingToImport")}</Notice>
            )}
          </div>
        ) : null}
        <DialogActions>
          <Button type="button" variant="secondary" onClick={onClose}>
            {t("cancel")}
          </Button>
          <Button type="button" disabled={!canImport || busy} onClick={() => file && run.mutate(file)}>
            {run.isPending || (running && data?.kind === "rosterImport") ? t("importing") : t("confirm")}
          </Button>
        </DialogActions>
      </div>
    </Dialog>
  );
}
