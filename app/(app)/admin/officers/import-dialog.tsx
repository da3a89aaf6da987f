"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FileUploadButton } from "~/app/_components/file-upload-button";
import { SheetErrorList } from "~/app/_components/sheet-error-list";
import { Button } from "~/app/_components/ui/button";
import { Dialog, DialogActions } from "~/app/_components/ui/dialog";
import { Notice } from "~/app/_components/ui/notice";
import { describeError } from "~/app/_lib/trpc/errors";
import { useTRPC } from "~/app/_lib/trpc/react";
import { MAX_UPLOAD_BYTES, toBase64 } from "~/app/_lib/upload-file";
import type { RosterImportPreview } from "./types";

/**
 * 导入名册: choose the filled roster template, see what it would change (新增 / 修改 / 不变) and
 * every error by row and column, then import it — all of it or nothing.
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
  const [preview, setPreview] = useState<RosterImportPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const fail = (err: unknown) => setProblem(describeError(err).message);
  const check = useMutation(trpc.officer.previewImport.mutationOptions({ onSuccess: setPreview, onError: fail }));
  const run = useMutation(
    trpc.officer.import.mutationOptions({
      onSuccess: async (done) => {
        await queryClient.invalidateQueries(trpc.officer.pathFilter());
        onDone(t("imported", { created: done.created, updated: done.updated, unchanged: done.unchanged }));
      },
      onError: fail,
    }),
  );

  const choose = async (chosen: File) => {
    setPreview(null);
    setProblem(null);
    if (chosen.size > MAX_UPLOAD_BYTES) return setProblem(t("tooLarge"));
    const payload = { fileName: chosen.name, contentBase64: await toBase64(chosen) };
    setFile(payload);
    check.mutate(payload);
  };

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
            label={check.isPending ? t("checking") : file ? t("chooseAnother") : t("choose")}
            disabled={check.isPending || run.isPending}
            onFile={(chosen) => void choose(chosen)}
          />
          {file ? <span className="truncate text-neutral-600">{file.fileName}</span> : null}
        </div>
        {problem ? <Notice tone="error">{problem}</Notice> : null}
        {preview ? (
          <div className="space-y-3" data-testid="roster-preview">
            <dl className="grid grid-cols-4 gap-2 text-center">
              {(["created", "updated", "unchanged", "newPeople"] as const).map((k) => (
                <div key={k} className="rounded border border-neutral-200 px-2 py-1.5" data-count={k}>
                  <dt className="text-xs text-neutral-500">{t(`counts.${k}`)}</dt>
                  <dd className="num text-lg font-semibold tabular-nums">{preview[k]}</dd>
                </div>
              ))}
            </dl>
            {preview.errorCount > 0 ? (
              <SheetErrorList errors={preview.errors} errorCount={preview.errorCount} />
            ) : (
              <Notice tone="info">{preview.hasChanges ? t("ready", { units: preview.units }) : t("nothingToImport")}</Notice>
            )}
          </div>
        ) : null}
        <DialogActions>
          <Button type="button" variant="secondary" onClick={onClose}>
            {t("cancel")}
          </Button>
          <Button type="button" disabled={!preview?.canImport || !file || run.isPending} onClick={() => file && run.mutate(file)}>
            {run.isPending ? t("importing") : t("confirm")}
          </Button>
        </DialogActions>
      </div>
    </Dialog>
  );
}
