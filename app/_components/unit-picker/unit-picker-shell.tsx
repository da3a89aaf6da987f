"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, type ComponentProps, type ComponentType } from "react";
import { inputClass } from "~/app/_components/ui/field";
import { cn } from "~/app/_lib/cn";
import { PickerEnd } from "./picker-row";
import type { LiveUnitPicker } from "./unit-picker-live";
import type { PickedUnit, UnitPicker } from "./unit-picker";

type LiveProps = ComponentProps<typeof UnitPicker>;
/** A filter bar's picker: never read-only, no path line (forms in dialogs use `UnitPicker`). */
type Props = Omit<LiveProps, "initialChosen" | "autoFocus" | "startOpen" | "startText" | "readOnly" | "showPath"> & {
  /** The unit whose id is `value`, read on the server (`unit.get`); without it the picker loads at once to name it. */
  chosen?: PickedUnit | null;
};

let live: Promise<typeof LiveUnitPicker> | undefined;
const loadLive = () => (live ??= import("./unit-picker-live").then((m) => m.LiveUnitPicker));

/**
 * The unit picker as a page rendered from server data first draws it: the chosen unit's name in
 * a plain input, with no query layer. The searching picker (`UnitPicker` inside the tRPC
 * provider, ~25 kB gz) loads when the person first focuses, clicks or types in it, and takes over
 * the focus and what they began; until then nothing of it is in the page's first load.
 * A page that does not know the chosen unit's name (no `chosen`) gets the picker at once.
 */
export function UnitPickerShell({ chosen, ...props }: Props) {
  const t = useTranslations();
  const inputRef = useRef<HTMLInputElement>(null);
  const [Live, setLive] = useState<ComponentType<LiveProps> | null>(null);
  const [begun, setBegun] = useState<{ open: boolean; text: string | null; focus: boolean }>({ open: false, text: null, focus: false });
  const named = chosen && chosen.id === props.value ? chosen : null;

  const start = useCallback(() => {
    void loadLive().then((C) => {
      setBegun((b) => ({ ...b, focus: !!inputRef.current && document.activeElement === inputRef.current }));
      setLive(() => C);
    });
  }, []);
  const needName = props.value != null && !named;
  useEffect(() => {
    if (needName) start();
  }, [needName, start]);

  if (Live) {
    return <Live {...props} initialChosen={named} autoFocus={begun.focus} startOpen={begun.open} startText={begun.text ?? ""} />;
  }

  const path = named ? [...named.path, named.name].join(t("unitPicker.pathSep")) : "";
  const begin = (text?: string) => {
    setBegun((b) => ({ ...b, open: true, text: text ?? b.text }));
    start();
  };
  return (
    <div className={cn("relative min-w-0", props.className)} data-unit-picker="shell">
      <input
        ref={inputRef}
        id={props.id}
        type="text"
        // No list yet (the picker that draws one replaces this input): nothing for aria-controls to name.
        // eslint-disable-next-line jsx-a11y/role-has-required-aria-props
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-haspopup="tree"
        aria-expanded={false}
        aria-invalid={props.invalid || undefined}
        aria-describedby={props.describedBy}
        title={path || undefined}
        placeholder={begun.open ? t("unitPicker.placeholder") : t("unitPicker.choose")}
        className={cn(inputClass, "h-9 pr-7 text-base sm:h-8 sm:text-sm", props.invalid && "border-red-600 ring-1 ring-red-600")}
        value={begun.text ?? (begun.open ? "" : (named?.name ?? ""))}
        onFocus={start}
        onClick={() => begin()}
        onChange={(e) => {
          // Typed after the chosen name (the caret at its end): only what was typed is the search.
          const v = e.target.value;
          begin(!begun.open && named && v.startsWith(named.name) ? v.slice(named.name.length) : v);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            begin();
          }
        }}
      />
      <PickerEnd onClear={props.onClear} clearLabel={props.clearLabel} showClear={!!props.value && !begun.open} />
    </div>
  );
}
