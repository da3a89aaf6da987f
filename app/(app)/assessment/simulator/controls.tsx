"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import type { PickedUnit } from "~/app/_components/unit-picker/unit-picker";
import { UnitFilter } from "~/app/_components/unit-picker/unit-filter";
import { Select } from "~/app/_components/ui/select";
import { percent } from "./slope-data";

/** Year, subtree and the weight slider (0–100 %, step 5; arrow keys move it), with the adopted weight marked under it. */
export function SimulatorControls(props: {
  years: number[];
  year: number;
  unitId: number;
  /** The subtree root read on the server (the picker then loads on first use). */
  unit: PickedUnit | null;
  weight: number | undefined;
  adopted: number | undefined;
  onYear: (year: number) => void;
  onUnit: (unitId: number) => void;
  onWeight: (weight: number) => void;
}) {
  const t = useTranslations("assessmentSimulator");
  const sliderId = useId();
  const years = [...new Set([...props.years, props.year])].sort((a, b) => b - a);
  const value = props.weight === undefined ? null : percent(props.weight);
  return (
    <div
      className="flex flex-wrap items-end gap-x-6 gap-y-3 rounded border border-neutral-200 bg-white px-4 py-3"
      data-testid="simulator-controls"
    >
      <label className="text-sm">
        <span className="mb-1 block text-xs text-neutral-600">{t("year")}</span>
        <Select value={props.year} onChange={(e) => props.onYear(Number(e.target.value))} className="w-auto">
          {years.map((y) => (
            <option key={y} value={y}>
              {t("yearLabel", { year: y })}
            </option>
          ))}
        </Select>
      </label>
      <UnitFilter label={t("unit")} value={props.unitId} chosen={props.unit} onChange={(u) => props.onUnit(u.id)} />
      <div className="min-w-64 flex-1 text-sm">
        <label htmlFor={sliderId} className="mb-1 flex items-baseline justify-between text-xs text-neutral-600">
          <span>{t("weight")}</span>
          <output htmlFor={sliderId} className="num text-base font-semibold text-party" data-testid="simulator-weight">
            {value === null ? "—" : `${value}%`}
          </output>
        </label>
        <div className="relative pb-5">
          <input
            id={sliderId}
            type="range"
            min={0}
            max={100}
            step={5}
            value={value ?? 0}
            disabled={value === null}
            aria-valuetext={value === null ? undefined : t("weightValue", { value })}
            onChange={(e) => props.onWeight(Number(e.target.value) / 100)}
            className="w-full accent-party"
          />
          {props.adopted !== undefined ? (
            <span
              className="absolute top-6 -translate-x-1/2 whitespace-nowrap text-xs text-neutral-600"
              style={{ left: `calc(${percent(props.adopted)}% + ${(0.5 - props.adopted) * 16}px)` }}
              data-testid="simulator-adopted"
            >
              ▲ {t("adopted", { value: percent(props.adopted) })}
            </span>
          ) : null}
        </div>
      </div>
    </div>
  );
}
