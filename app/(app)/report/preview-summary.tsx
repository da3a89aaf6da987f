"use client";

import { useTranslations } from "next-intl";
import type { FieldPreview, ReportPreview } from "./preview";

/** The words for a field the preview refuses, naming the limit ("不能超过 1000000"); undefined when it is fine. */
export function usePreviewProblem() {
  const t = useTranslations("forms.preview.problems");
  return (field: FieldPreview | undefined): string | undefined => {
    if (field?.state !== "invalid") return undefined;
    const p = field.problem;
    switch (p.code) {
      case "range":
        return t("range", { min: p.min, max: p.max });
      case "tooLarge":
        return t("tooLarge", { max: p.max });
      default:
        return t(p.code);
    }
  };
}

/** The composite preview: a full score only when every indicator counts; otherwise marked partial, naming what is missing. */
export function PreviewSummary({ preview }: { preview: ReportPreview }) {
  const t = useTranslations("forms.preview");
  const complete = !preview.partial && preview.composite !== null;
  return (
    <div className="ml-auto text-right" data-testid="preview-summary" data-partial={preview.partial || undefined}>
      <div className="text-xs text-neutral-500">{t("composite")}</div>
      <div className="flex items-baseline justify-end gap-2">
        {preview.partial && preview.composite !== null ? (
          <span className="rounded border border-amber-300 bg-amber-50 px-1.5 text-xs text-amber-800" data-testid="composite-partial">
            {t("partial")}
          </span>
        ) : null}
        <div className={`num text-2xl font-semibold ${complete ? "text-party" : "text-neutral-500"}`} data-testid="composite-preview">
          {preview.composite === null ? "—" : preview.composite.toFixed(1)}
        </div>
      </div>
      <div className="text-xs text-neutral-500">{t("counted", { counted: preview.counted, total: preview.total })}</div>
      {preview.invalid > 0 ? (
        <div className="text-xs text-red-700" data-testid="preview-invalid">
          {t("invalid", { count: preview.invalid })}
        </div>
      ) : null}
    </div>
  );
}
