import { unstorableText, unstorableTextMessage } from "~/lib/unstorable-text";
import { z } from "~/server/lib/zod";

export const MAX_CHART_ROWS = 50_000;
export const MAX_CHART_COLUMNS = 50;

const cell = z.union([z.string().max(2_000, "单元格文字不能超过 2000 字（cell text too long）"), z.number(), z.null()]);

/** A chart's drawn rows, posted for an .xlsx download (`POST /api/export/chart`). */
export const chartExportSchema = z
  .object({
    exportName: z.string().trim().min(1, "请提供文件名（file name required）").max(200, "文件名不能超过 200 字（file name too long）"),
    title: z.string().max(200, "标题不能超过 200 字（title too long）").optional(),
    columns: z
      .array(
        z.object({
          key: z.string().min(1).max(100),
          label: z.string().max(200),
          decimals: z.number().int().min(0).max(6).optional(),
        }),
      )
      .min(1, "至少需要一列（at least one column）")
      .max(MAX_CHART_COLUMNS, `最多 ${MAX_CHART_COLUMNS} 列（at most ${MAX_CHART_COLUMNS} columns）`),
    rows: z
      // Rows without a prototype: a column keyed `constructor` or `toString` reads the row's own cell or nothing.
      .array(z.record(z.string(), cell).transform((r) => Object.assign(Object.create(null) as Record<string, z.infer<typeof cell>>, r)))
      .max(MAX_CHART_ROWS, `最多 ${MAX_CHART_ROWS} 行（at most ${MAX_CHART_ROWS.toLocaleString("en")} rows）`),
  })
  .superRefine((v, ctx) => {
    // NUL and unpaired surrogates cannot go into a file name or a workbook: the field is named, not a 500.
    const bad = unstorableText(v);
    if (bad) ctx.addIssue({ code: "custom", path: bad.path ? bad.path.split(".") : [], message: unstorableTextMessage[bad.reason] });
    const seen = new Set<string>();
    v.columns.forEach((c, i) => {
      if (seen.has(c.key)) ctx.addIssue({ code: "custom", path: ["columns", i, "key"], message: "列标识重复（duplicate column key）" });
      seen.add(c.key);
    });
  });

export type ChartExport = z.infer<typeof chartExportSchema>;
