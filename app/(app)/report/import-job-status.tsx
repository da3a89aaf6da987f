"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Button } from "~/app/_components/ui/button";
import { ProgressBar } from "~/app/_components/ui/progress-bar";
import { Notice } from "~/app/_components/ui/notice";
import { useTRPC } from "~/app/_lib/trpc/react";
import { SheetErrorList } from "~/app/_components/sheet-error-list";

const POLL_MS = 700;

/**
 * A background import job as the page follows it: progress bars for the rows checked and the
 * reports/meetings written while it runs, then its result (counts, or every error). It reads
 * the job from the server, so leaving the page and coming back shows the same thing.
 */
export function ImportJobStatus(props: {
  id: number;
  startedHere: boolean;
  onFinished: (succeeded: boolean) => void;
  onDismiss: () => void;
}) {
  const t = useTranslations("spreadsheet");
  const trpc = useTRPC();
  const job = useQuery(
    trpc.importJob.get.queryOptions(
      { id: props.id },
      {
        refetchInterval: (q) =>
          q.state.data && (q.state.data.status === "succeeded" || q.state.data.status === "failed") ? false : POLL_MS,
      },
    ),
  );
  const data = job.data;
  const finished = data?.status === "succeeded" || data?.status === "failed";
  // A job started on this page, or seen running here, reports its end once — also when it is
  // already done at the first look (a small file on a warm pool); a finished one found on coming
  // back changes nothing.
  const sawRunning = useRef(props.startedHere);
  const { onFinished } = props;
  useEffect(() => {
    if (data && !finished) sawRunning.current = true;
    if (!finished || !sawRunning.current) return;
    sawRunning.current = false;
    onFinished(data.status === "succeeded");
  }, [data, finished, onFinished]);

  if (!data) return null;
  return (
    <div className="space-y-3" data-testid="import-job" data-status={data.status}>
      <div className="flex items-center justify-between gap-3">
        <h3 className="text-sm font-semibold">{t("jobTitle", { file: data.fileName })}</h3>
        {finished ? (
          <Button type="button" variant="secondary" onClick={props.onDismiss}>
            {t("jobDismiss")}
          </Button>
        ) : null}
      </div>
      {!finished ? (
        <>
          <ProgressBar
            testId="import-job-checked"
            label={
              data.phase === "queued"
                ? t("jobQueued")
                : data.phase === "parsing"
                  ? t("jobParsing")
                  : t("jobChecked", { done: data.rowsChecked, total: data.rowsTotal })
            }
            done={data.rowsChecked}
            total={data.rowsTotal}
          />
          <ProgressBar
            testId="import-job-written"
            label={data.phase === "writing" ? t("jobWritten", { done: data.rowsWritten, total: data.writeTotal }) : t("jobWriteWaiting")}
            done={data.rowsWritten}
            total={data.writeTotal}
          />
          <Notice tone="info">{t("jobLeave")}</Notice>
        </>
      ) : data.status === "succeeded" ? (
        <Notice tone="success">
          {data.imported && data.imported.reports + data.imported.meetings > 0 ? t("imported", data.imported) : t("importedNothing")}{" "}
          {t("jobRows", { rows: data.rowsTotal })}
        </Notice>
      ) : (
        <>
          <Notice tone="error">{data.error ?? t("jobFailed")}</Notice>
          {data.errorCount > 0 ? <SheetErrorList errors={data.errors} errorCount={data.errorCount} /> : null}
        </>
      )}
    </div>
  );
}
