"use client";

import { useId } from "react";
import { cn } from "~/app/_lib/cn";
import type { PickedUnit } from "./unit-picker";
import { UnitPickerShell } from "./unit-picker-shell";

/** A filter bar's unit field: its label above the picker, the list floating over the page; the picker loads on first use. */
export function UnitFilter(props: {
  label: string;
  value: number | null;
  onChange: (unit: PickedUnit) => void;
  /** The unit whose id is `value`, when the page read it on the server (the picker then loads on first use). */
  chosen?: PickedUnit | null;
  onClear?: () => void;
  clearLabel?: string;
  className?: string;
}) {
  const id = useId();
  return (
    <div className={cn("w-full text-sm sm:w-64", props.className)}>
      <label htmlFor={id} className="mb-1 block text-neutral-600">
        {props.label}
      </label>
      <UnitPickerShell
        id={id}
        overlay
        value={props.value}
        chosen={props.chosen}
        onChange={props.onChange}
        onClear={props.onClear}
        clearLabel={props.clearLabel}
      />
    </div>
  );
}
