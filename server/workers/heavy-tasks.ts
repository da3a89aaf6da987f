import { buildChartWorkbook } from "~/server/services/export/chart-workbook";
import type { ChartExport } from "~/server/services/export/chart-schema";
import { renderRosterTemplate, type RosterTemplateData } from "~/server/services/officer-import/render-template";
import { parseSpreadsheetBytes } from "~/server/services/spreadsheet/parse-file";
import { renderExport, type ExportData } from "~/server/services/spreadsheet/render-export";
import { renderTemplate, type TemplateData } from "~/server/services/spreadsheet/render-template";

/** Everything CPU-heavy the app does, as tasks for the worker threads. Inputs and results are structured-cloneable. */
export type HeavyTask =
  | { kind: "parse"; bytes: Uint8Array; fileName: string }
  | { kind: "chart"; input: ChartExport }
  | { kind: "template"; data: TemplateData }
  | { kind: "export"; data: ExportData }
  | { kind: "rosterTemplate"; data: RosterTemplateData };

export async function runHeavyTask(task: HeavyTask) {
  switch (task.kind) {
    case "parse":
      return parseSpreadsheetBytes(Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength), task.fileName);
    case "chart":
      return buildChartWorkbook(task.input);
    case "template":
      return renderTemplate(task.data);
    case "export":
      return renderExport(task.data);
    case "rosterTemplate":
      return renderRosterTemplate(task.data);
  }
}
