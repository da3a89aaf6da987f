"use client";

import { useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import { buttonClass } from "~/app/_components/ui/button";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { addQuarters } from "~/lib/quarter";
import { FileUploadButton } from "~/app/_components/file-upload-button";
import { dismissedJobKey, type Chosen, type ImportBusy } from "./spreadsheet-import-state";

// The preview, the import job's progress and the query layer load when a file is chosen or a job is to be shown.
const SpreadsheetImport = dynamic(() => import("./spreadsheet-import").then((m) => m.SpreadsheetImport), { ssr: false });

/** Template download, Excel/CSV upload with a preview before anything is written, and export links. */
export function SpreadsheetPanel(props: {
  unitId: number;
  quarter: string;
  running: string;
  canUpload: boolean;
  /** The person's latest import job (read with the page): shown again after leaving, until dismissed. */
  latestJobId: number | null;
  onImported: () => void;
}) {
  const t = useTranslations("spreadsheet");
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [busy, setBusy] = useState<ImportBusy>(null);
  // The job dismissed in this browser (undefined until read: no job is shown before).
  const [dismissed, setDismissed] = useState<number | null | undefined>(undefined);
  useEffect(() => setDismissed(Number(window.localStorage.getItem(dismissedJobKey)) || null), []);
  const jobToShow = props.latestJobId !== null && dismissed !== undefined && props.latestJobId !== dismissed;

  const from = addQuarters(props.running, -7);
  const exportHref = (format: string) => `/api/export/reports?unit=${props.unitId}&from=${from}&to=${props.running}&format=${format}`;

  return (
    <Card aria-labelledby="spreadsheet-title" data-testid="spreadsheet-panel">
      <CardHeader title={t("title")} description={t("description")} />
      <div className="flex flex-wrap items-center gap-3 px-4 py-3">
        <a className={buttonClass("secondary")} href={`/api/export/template?unit=${props.unitId}&quarter=${props.quarter}`} download>
          {t("downloadTemplate")}
        </a>
        {props.canUpload ? (
          <FileUploadButton
            id="spreadsheet-file"
            label={busy === "reading" ? t("reading") : t("upload")}
            disabled={busy !== null}
            onFile={(file) => {
              // "Reading" from the click on: the import's code may still be loading.
              setBusy("reading");
              setChosen((c) => ({ file, n: (c?.n ?? 0) + 1 }));
            }}
          />
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
      {chosen || jobToShow ? (
        <SpreadsheetImport chosen={chosen} latestJobId={props.latestJobId} onBusy={setBusy} onImported={props.onImported} />
      ) : null}
    </Card>
  );
}
