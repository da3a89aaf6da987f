import "server-only";
import { unstorableText, unstorableTextMessage } from "~/lib/unstorable-text";
import { z } from "~/server/lib/zod";
import { m } from "~/lib/server-message";

export const MAX_CHART_ROWS = 50_000;
export const MAX_CHART_COLUMNS = 50;

const cell = z.union([z.string().max(2_000, m("export.cellTextTooLong")), z.number(), z.null()]);

/** A chart's drawn rows, posted for an .xlsx download (`POST /api/export/chart`). */
export const chartExportSchema = z
  .object({
    exportName: z.string().trim().min(1, m("export.fileNameRequired")).max(200, m("export.fileNameTooLong")),
    title: z.string().max(200, m("export.titleTooLong")).optional(),
    columns: z
      .array(
        z.object({
          key: z.string().min(1).max(100),
          label: z.string().max(200),
          decimals: z.number().int().min(0).max(6).optional(),
        }),
      )
      .min(1, m("export.atLeastOneColumn"))
      .max(MAX_CHART_COLUMNS, m("export.atMostColumns", { maxChartColumns: MAX_CHART_COLUMNS })),
    rows: z
      // Rows without a prototype: a column keyed `constructor` or `toString` reads the row's own cell or nothing.
      .array(z.record(z.string(), cell).transform((r) => Object.assign(Object.create(null) as Record<string, z.infer<typeof cell>>, r)))
      .max(MAX_CHART_ROWS, m("export.atMostRows", { maxChartRows: MAX_CHART_ROWS, maxChartRowsEn: MAX_CHART_ROWS.toLocaleString("en") })),
  })
  .superRefine((v, ctx) => {
    // NUL and unpaired surrogates cannot go into a file name or a workbook: the field is named, not a 500.
    const bad = unstorableText(v);
    if (bad) ctx.addIssue({ code: "custom", path: bad.path ? bad.path.split(".") : [], message: unstorableTextMessage[bad.reason] });
    const seen = new Set<string>();
    v.columns.forEach((c, i) => {
      if (seen.has(c.key)) ctx.addIssue({ code: "custom", path: ["columns", i, "key"], message: m("export.duplicateColumnKey") });
      seen.add(c.key);
    });
  });

export type ChartExport = z.infer<typeof chartExportSchema>;
