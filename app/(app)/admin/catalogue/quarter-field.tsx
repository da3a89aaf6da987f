"use client";

import { fieldIds, FormField } from "~/app/_components/ui/form-field";
import { Select } from "~/app/_components/ui/select";
import { openQuarters, useQuarterLabel, type Catalogue } from "./use-catalogue";

/** The quarter a catalogue change takes effect from: one of the quarters still open to changes. */
export function QuarterField(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  className?: string;
  catalogue: Catalogue;
  value: string;
  onChange: (quarter: string) => void;
}) {
  const quarterLabel = useQuarterLabel();
  return (
    <FormField id={props.id} label={props.label} hint={props.hint} error={props.error} className={props.className}>
      <Select
        {...fieldIds(props.id, props.error)}
        invalid={!!props.error}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {openQuarters(props.catalogue).map((q) => (
          <option key={q} value={q}>
            {quarterLabel(q)}
          </option>
        ))}
      </Select>
    </FormField>
  );
}
