/**
 * A chart card's three exports, loaded with the first one a reader asks for (ChartActions): the
 * CSV writer, the PNG's canvas code and the download link are not part of a page's first load.
 * Each returns the file and its name; ChartActions saves it and words the errors.
 */
import { sanitiseFileName } from "~/lib/file-name";
import type { ChartData } from "./chart-data";
import { toCsv } from "./csv";
import { chartToPng, type PngHeader } from "./export-png";

export { downloadBlob } from "./download";

type File = { blob: Blob; fileName: string };

export function csvFile(exportName: string, data: ChartData): File {
  return { blob: new Blob([toCsv(data)], { type: "text/csv;charset=utf-8" }), fileName: `${sanitiseFileName(exportName)}.csv` };
}

/** Null when the picture could not be drawn (the caller says so in the reader's language). */
export async function pngFile(exportName: string, chart: Element, header: PngHeader): Promise<File | null> {
  const blob = await chartToPng(chart, header).catch(() => null);
  return blob && { blob, fileName: `${sanitiseFileName(exportName)}.png` };
}

/** The workbook from the server; a refusal carries the server's (translated) message, or none. */
export async function xlsxFile(
  exportName: string,
  body: { title: string } & ChartData,
  locale: string,
): Promise<File | { error: string | null }> {
  const res = await fetch("/api/export/chart", {
    method: "POST",
    headers: { "content-type": "application/json", "x-ui-locale": locale },
    body: JSON.stringify({ exportName, ...body }),
  });
  if (!res.ok) {
    const answer = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    return { error: answer?.error?.message ?? null };
  }
  return { blob: await res.blob(), fileName: `${sanitiseFileName(exportName)}.xlsx` };
}
