"use client";

import { skipToken, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { inputClass } from "~/app/_components/ui/field";
import { cn } from "~/app/_lib/cn";
import { describeError } from "~/app/_lib/trpc/errors";
import { useTRPC } from "~/app/_lib/trpc/react";
import { Highlight, PickerEnd, PickerRow } from "./picker-row";
import { useLazyTree } from "./use-lazy-tree";

/** A chosen unit: its name, type and the names of its ancestors (top first, within the caller's reach). */
export type PickedUnit = { id: number; name: string; type: string; path: string[] };

type Props = {
  /** The input's id, for the <label htmlFor> of the surrounding field. */
  id: string;
  /** The chosen unit's id, or null when none is chosen yet. */
  value: number | null;
  onChange: (unit: PickedUnit) => void;
  /** Only units below this one (default: everything the caller may read). */
  rootId?: number;
  invalid?: boolean;
  /** The field's hint or error, announced with the input. */
  describedBy?: string;
  /** Filter bars: the list floats over the page instead of pushing the form down. */
  overlay?: boolean;
  /** A fixed unit (from the record a form was opened from): shown, not changeable. */
  readOnly?: boolean;
  /** An optional filter: a button that empties it (“全部单位”). */
  onClear?: () => void;
  clearLabel?: string;
  /** Show the chosen unit's ancestors under the input (forms); filter bars keep them in the tooltip. */
  showPath?: boolean;
  className?: string;
};

/** Given by `UnitPickerShell` when it hands over to the picker (unit-picker-shell.tsx). */
export type HandOver = {
  /** The chosen unit as the page read it on the server: shown without asking `unit.get`. */
  initialChosen?: PickedUnit | null;
  /** The shell's input had the focus: this one takes it. */
  autoFocus?: boolean;
  /** The person had already clicked or typed in the shell: open the list (with what they typed). */
  startOpen?: boolean;
  startText?: string;
};

const SEARCH_DELAY_MS = 200;

/**
 * The one unit picker (issue 12): a combobox over the organisation tree. Typing searches names
 * on the server (`unit.search`: within the caller's reach, with each match's path); with the
 * box empty it browses the tree, loading each level when it is expanded (`unit.tree`). Keys: ↓ ↑
 * move, → ← expand and collapse, Enter chooses, Esc closes (without closing a dialog around it).
 */
export function UnitPicker(props: Props & HandOver) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const tree = useLazyTree(props.rootId);

  const initialChosen = props.initialChosen && props.initialChosen.id === props.value ? props.initialChosen : undefined;
  const chosen = useQuery(
    trpc.unit.get.queryOptions(props.value ? { id: props.value } : skipToken, { staleTime: 60_000, initialData: initialChosen }),
  );
  const chosenName = chosen.data?.name ?? "";
  const chosenPath = chosen.data ? [...chosen.data.path, chosen.data.name].join(t("unitPicker.pathSep")) : "";

  useEffect(() => {
    const id = setTimeout(() => setQuery(text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(id);
  }, [text]);
  const searching = open && text.trim() !== "";
  const search = useQuery(
    trpc.unit.search.queryOptions(searching && query ? { query, ...(props.rootId ? { rootId: props.rootId } : {}) } : skipToken, {
      placeholderData: (prev) => prev,
    }),
  );
  const results = searching ? (search.data?.units ?? []) : [];
  const count = searching ? results.length : tree.rows.length;
  useEffect(() => setActive(0), [query, searching]);

  // Handed over by the shell: keep the focus and what the person began.
  const handOver = useRef({ autoFocus: props.autoFocus, startOpen: props.startOpen, startText: props.startText });
  useEffect(() => {
    const h = handOver.current;
    if (h.autoFocus) inputRef.current?.focus();
    if (h.startOpen) {
      setOpen(true);
      setText(h.startText ?? "");
      tree.start();
    }
    // Once, on mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (props.readOnly) {
    return (
      <div
        id={props.id}
        aria-describedby={props.describedBy}
        className={cn(inputClass, "flex h-auto min-h-8 flex-col justify-center bg-neutral-50 py-1", props.className)}
        data-unit-picker="readonly"
      >
        <span>{chosenName || "…"}</span>
        {chosen.data?.path.length ? <span className="text-xs text-neutral-500">{chosenPath}</span> : null}
      </div>
    );
  }

  const openList = () => {
    if (!open) {
      setOpen(true);
      setText("");
      setActive(0);
      tree.start();
    }
  };
  const close = () => {
    setOpen(false);
    setText("");
  };
  const pick = (unit: PickedUnit) => {
    // Shown at once: what `unit.get` would answer is already known.
    queryClient.setQueryData(trpc.unit.get.queryKey({ id: unit.id }), unit);
    props.onChange(unit);
    close();
  };
  const pickAt = (index: number) => {
    if (searching) {
      const r = results[index];
      if (r) pick(r);
    } else {
      const row = tree.rows[index];
      if (row) pick({ id: row.id, name: row.name, type: row.type, path: row.ancestors });
    }
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    const stop = () => {
      e.preventDefault();
      e.stopPropagation();
    };
    if (e.key === "ArrowDown") {
      stop();
      if (!open) openList();
      else setActive((a) => Math.min(a + 1, Math.max(0, count - 1)));
    } else if (e.key === "ArrowUp") {
      stop();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === "Enter") {
      if (open && count > 0) {
        stop();
        pickAt(Math.min(active, count - 1));
      }
    } else if (e.key === "Escape") {
      // Esc closes the list only; a <dialog> around the picker stays open.
      if (open) stop();
      close();
    } else if (open && !searching && (e.key === "ArrowRight" || e.key === "ArrowLeft")) {
      const row = tree.rows[active];
      if (!row) return;
      stop();
      if (e.key === "ArrowRight") {
        if (row.hasChildren && !row.expanded) tree.toggle(row.id, true);
        else if (row.expanded) setActive(active + 1);
      } else if (row.expanded) tree.toggle(row.id, false);
      else {
        let parent = active - 1;
        while (parent >= 0 && tree.rows[parent]!.level >= row.level) parent--;
        if (parent >= 0) setActive(parent);
      }
    }
  };

  const rowId = (index: number) => `${listId}-row-${index}`;
  const status = tree.error
    ? t("unitPicker.error", { message: describeError(tree.error).message })
    : search.error
      ? t("unitPicker.error", { message: describeError(search.error).message })
      : searching
        ? !query || (search.isFetching && results.length === 0)
          ? t("unitPicker.searching")
          : results.length === 0
            ? t("unitPicker.none", { query })
            : search.data?.more
              ? t("unitPicker.more", { count: results.length })
              : null
        : !tree.ready
          ? t("unitPicker.loading")
          : t("unitPicker.browseHint");

  return (
    <div
      className={cn("relative min-w-0", props.className)}
      data-unit-picker=""
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) close();
      }}
    >
      <input
        ref={inputRef}
        id={props.id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-haspopup={searching ? "listbox" : "tree"}
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open && count > 0 ? rowId(Math.min(active, count - 1)) : undefined}
        aria-invalid={props.invalid || undefined}
        aria-describedby={props.describedBy}
        title={chosenPath || undefined}
        placeholder={open ? t("unitPicker.placeholder") : t("unitPicker.choose")}
        className={cn(inputClass, "h-9 pr-7 text-base sm:h-8 sm:text-sm", props.invalid && "border-red-600 ring-1 ring-red-600")}
        value={open ? text : chosenName}
        onChange={(e) => {
          // Opening empties the search: it goes first, so the first key typed is kept.
          if (!open) openList();
          setText(e.target.value);
        }}
        onClick={openList}
        onKeyDown={onKeyDown}
      />
      <PickerEnd onClear={props.onClear} clearLabel={props.clearLabel} showClear={!!props.value && !open} />
      {props.showPath && !open && chosen.data?.path.length ? (
        <p className="mt-1 truncate text-xs text-neutral-500">{t("unitPicker.chosen", { path: chosenPath })}</p>
      ) : null}
      {open ? (
        <div
          className={cn(
            "mt-1 rounded border border-neutral-300 bg-white",
            props.overlay ? "absolute left-0 z-30 w-[max(100%,24rem)] max-w-[calc(100vw-2rem)] shadow-lg" : "shadow-sm",
          )}
        >
          <ul
            id={listId}
            role={searching ? "listbox" : "tree"}
            aria-label={searching ? t("unitPicker.results") : t("unitPicker.tree")}
            className="max-h-64 overflow-y-auto py-1"
          >
            {searching
              ? results.map((u, i) => (
                  <PickerRow
                    key={u.id}
                    id={rowId(i)}
                    unitId={u.id}
                    unitName={u.name}
                    role="option"
                    active={i === active}
                    selected={u.id === props.value}
                    onPick={() => pickAt(i)}
                    onHover={() => setActive(i)}
                    type={t(`adminUnits.types.${u.type}`)}
                    path={u.path.join(t("unitPicker.pathSep"))}
                  >
                    <Highlight text={u.name} part={query} />
                  </PickerRow>
                ))
              : tree.rows.map((row, i) => (
                  <PickerRow
                    key={row.id}
                    id={rowId(i)}
                    unitId={row.id}
                    unitName={row.name}
                    role="treeitem"
                    level={row.level}
                    expanded={row.hasChildren ? row.expanded : undefined}
                    active={i === active}
                    selected={row.id === props.value}
                    onPick={() => pickAt(i)}
                    onHover={() => setActive(i)}
                    onToggle={row.hasChildren ? () => tree.toggle(row.id) : undefined}
                    toggleLabel={t(row.expanded ? "unitPicker.collapse" : "unitPicker.expand", { name: row.name })}
                    loading={row.loading}
                    type={t(`adminUnits.types.${row.type}`)}
                  >
                    {row.name}
                  </PickerRow>
                ))}
          </ul>
          {status ? (
            <p role="status" className="border-t border-neutral-100 px-2 py-1 text-xs text-neutral-500">
              {status}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
