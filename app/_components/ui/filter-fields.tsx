"use client";

import { useLocale } from "next-intl";
import { addQuarters, formatQuarter, quarterOf } from "~/lib/quarter";
import { Select } from "./select";

/** A list page's filter row: one fieldset, the legend for screen readers only. */
export function FilterFieldset({ legend, children }: { legend: string; children: React.ReactNode }) {
  return (
    <fieldset className="flex flex-wrap items-end gap-3 rounded border border-neutral-200 bg-white px-4 py-3">
      <legend className="sr-only">{legend}</legend>
      {children}
    </fieldset>
  );
}

/** A labelled filter select whose empty choice (`anyLabel`) means “no filter”. */
export function FilterSelect<T extends string>({
  label,
  anyLabel,
  value,
  options,
  onChange,
}: {
  label: string;
  /** The first option, “any” (value ""); left out, the select offers only `options` (one is always chosen). */
  anyLabel?: string;
  value: T | undefined;
  options: readonly { value: T; label: string }[];
  onChange: (value: T | undefined) => void;
}) {
  return (
    <label className="text-sm">
      <span className="mb-1 block text-neutral-600">{label}</span>
      <Select value={value ?? ""} onChange={(e) => onChange((e.target.value || undefined) as T | undefined)}>
        {anyLabel === undefined ? null : <option value="">{anyLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </label>
  );
}

/** The running quarter and the eight before it — plus `value` when the URL names an older one. */
export function QuarterFilter(props: {
  label: string;
  anyLabel: string;
  value: string | undefined;
  onChange: (q: string | undefined) => void;
}) {
  const locale = useLocale();
  const running = quarterOf(new Date());
  const quarters = Array.from({ length: 9 }, (_, i) => addQuarters(running, -i));
  if (props.value && !quarters.includes(props.value)) quarters.push(props.value);
  return <FilterSelect {...props} options={quarters.map((q) => ({ value: q, label: formatQuarter(q, locale) }))} />;
}
