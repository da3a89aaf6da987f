"use client";

import { useId } from "react";
import { cn } from "~/app/_lib/cn";
import { UnitPicker, type PickedUnit } from "./unit-picker";

/** A filter bar's unit field: its label above the picker, the list floating over the page. */
export function UnitFilter(props: {
  label: string;
  value: number | null;
  onChange: (unit: PickedUnit) => void;
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
      <UnitPicker id={id} overlay value={props.value} onChange={props.onChange} onClear={props.onClear} clearLabel={props.clearLabel} />
    </div>
  );
}
