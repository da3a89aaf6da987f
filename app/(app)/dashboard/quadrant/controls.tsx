"use client";

import { useLocale, useTranslations } from "next-intl";
import { useQueryState } from "nuqs";
import { selectableQuarters } from "~/app/_components/charts/filter-params";
import { useDashboardFilters } from "~/app/_components/charts/use-dashboard-filters";
import { Select } from "~/app/_components/ui/select";
import { cn } from "~/app/_lib/cn";
import { formatQuarter } from "~/lib/quarter";
import { levelParser, quadrantLevels } from "./level-param";

/**
 * The quadrant's controls: its quarter (the last of the URL range; the range's start is kept
 * when it still comes first), which units it compares, and whether submitted reports count.
 * Each change asks the server for the page (in the filters' transition, so the cards dim meanwhile).
 */
export function QuadrantControls() {
  const t = useTranslations("quadrant");
  const locale = useLocale();
  const f = useDashboardFilters();
  const [level, setLevel] = useQueryState(
    "level",
    levelParser.withOptions({ history: "push", scroll: false, shallow: false, startTransition: f.startTransition }),
  );
  const quarters = [...new Set([...selectableQuarters(), f.to])].sort().reverse();
  const submitted = f.include === "submitted";
  return (
    <div
      className="flex flex-wrap items-end gap-x-5 gap-y-2 rounded border border-neutral-200 bg-white px-4 py-3"
      data-testid="quadrant-controls"
    >
      <label className="text-sm">
        <span className="mb-1 block text-xs text-neutral-600">{t("quarterLabel")}</span>
        <Select
          value={f.to}
          onChange={(e) => f.setRange(f.from <= e.target.value ? f.from : e.target.value, e.target.value)}
          className="w-auto"
        >
          {quarters.map((q) => (
            <option key={q} value={q}>
              {formatQuarter(q, locale)}
            </option>
          ))}
        </Select>
      </label>
      <div className="text-sm">
        <span id="quadrant-level" className="mb-1 block text-xs text-neutral-600">
          {t("level")}
        </span>
        <div role="group" aria-labelledby="quadrant-level" className="inline-flex overflow-hidden rounded border border-neutral-300">
          {quadrantLevels.map((l) => (
            <button
              key={l}
              type="button"
              aria-pressed={level === l}
              onClick={() => void setLevel(l === "children" ? null : l)}
              className={cn("h-8 px-3", level === l ? "bg-party text-white" : "bg-white text-neutral-700 hover:bg-neutral-50")}
            >
              {t(`levels.${l}`)}
            </button>
          ))}
        </div>
      </div>
      <label className="flex h-8 cursor-pointer items-center gap-2 text-sm text-neutral-700">
        <button
          type="button"
          role="switch"
          aria-checked={submitted}
          onClick={() => f.setInclude(submitted ? "approved" : "submitted")}
          className={cn(
            "relative inline-flex h-5 w-9 shrink-0 items-center rounded-full transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-party",
            submitted ? "bg-party" : "bg-neutral-300",
          )}
        >
          <span
            className={cn(
              "inline-block h-4 w-4 rounded-full bg-white shadow transition-transform",
              submitted ? "translate-x-4.5" : "translate-x-0.5",
            )}
          />
        </button>
        {t("includeSubmitted")}
      </label>
      <span className="text-xs text-neutral-500">{submitted ? t("countsSubmitted") : t("countsApproved")}</span>
    </div>
  );
}
