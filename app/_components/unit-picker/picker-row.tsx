"use client";

import { useEffect, useRef } from "react";
import { cn } from "~/app/_lib/cn";

/**
 * One row of the picker's list: a tree item (with its expand toggle) or a search result (with
 * its path). Rows are chosen with the pointer or by the combobox's keys; `onMouseDown` keeps the
 * focus in the input so the list stays open. Rows are tall enough to tap on a phone.
 */
export function PickerRow(props: {
  id: string;
  role: "option" | "treeitem";
  /** The unit's id and name, for tests and for whoever reads the markup. */
  unitId: number;
  unitName: string;
  active: boolean;
  selected: boolean;
  onPick: () => void;
  onHover: () => void;
  type: string;
  children: React.ReactNode;
  path?: string;
  level?: number;
  expanded?: boolean;
  onToggle?: () => void;
  toggleLabel?: string;
  loading?: boolean;
}) {
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (props.active) ref.current?.scrollIntoView({ block: "nearest" });
  }, [props.active]);
  const indent = props.level === undefined ? 0 : (props.level - 1) * 16;
  return (
    <li
      ref={ref}
      id={props.id}
      role={props.role}
      aria-selected={props.selected}
      aria-level={props.level}
      aria-expanded={props.expanded}
      data-unit-row={props.unitId}
      data-unit-name={props.unitName}
      onMouseDown={(e) => e.preventDefault()}
      onMouseMove={props.onHover}
      onClick={props.onPick}
      className={cn(
        "flex min-h-10 cursor-pointer items-center gap-1 px-2 text-sm sm:min-h-8",
        props.active && "bg-neutral-100",
        props.selected && "font-semibold text-party",
      )}
      style={{ paddingLeft: 8 + indent }}
    >
      {props.level !== undefined ? (
        props.onToggle ? (
          // Pointer and touch only: keyboard users expand with → ←, screen readers hear aria-expanded.
          <span
            aria-hidden
            title={props.toggleLabel}
            onClick={(e) => {
              e.stopPropagation();
              props.onToggle?.();
            }}
            className="flex h-8 w-7 shrink-0 items-center justify-center rounded text-neutral-500 hover:bg-neutral-200"
          >
            {props.loading ? "…" : props.expanded ? "▾" : "▸"}
          </span>
        ) : (
          <span aria-hidden className="w-6 shrink-0" />
        )
      ) : null}
      <span className="min-w-0 flex-1">
        <span className="block truncate">{props.children}</span>
        {props.path ? <span className="block truncate text-xs font-normal text-neutral-500">{props.path}</span> : null}
      </span>
      <span className="shrink-0 text-xs font-normal text-neutral-500">{props.type}</span>
    </li>
  );
}

/** The name with the typed part marked. */
export function Highlight({ text, part }: { text: string; part: string }) {
  const at = part ? text.toLowerCase().indexOf(part.toLowerCase()) : -1;
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <mark className="bg-amber-100 text-inherit">{text.slice(at, at + part.length)}</mark>
      {text.slice(at + part.length)}
    </>
  );
}

/** The input's right end: a button that empties an optional filter (“全部单位”), or the ▾ mark. */
export function PickerEnd(props: { onClear?: () => void; clearLabel?: string; showClear: boolean }) {
  return props.onClear && props.showClear ? (
    <button
      type="button"
      aria-label={props.clearLabel}
      title={props.clearLabel}
      onClick={props.onClear}
      className="absolute top-0 right-1 flex h-9 w-6 items-center justify-center text-neutral-500 hover:text-neutral-900 sm:h-8"
    >
      ×
    </button>
  ) : (
    <span aria-hidden className="pointer-events-none absolute top-0 right-2 flex h-9 items-center text-xs text-neutral-500 sm:h-8">
      ▾
    </span>
  );
}
