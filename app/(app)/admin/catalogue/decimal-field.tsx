"use client";

import { TextInput } from "~/app/_components/ui/field";
import { fieldIds, FormField } from "~/app/_components/ui/form-field";

/** A number typed as text (a target or a weight), right-aligned; the server checks and names the error. */
export function DecimalField(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (text: string) => void;
}) {
  return (
    <FormField id={props.id} label={props.label} hint={props.hint} error={props.error}>
      <TextInput
        {...fieldIds(props.id, props.error)}
        invalid={!!props.error}
        inputMode="decimal"
        className="text-right"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </FormField>
  );
}
