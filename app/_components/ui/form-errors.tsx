"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { cn } from "~/app/_lib/cn";

type Item = { key: string; label: string | null; message: string; control: HTMLElement | null };

/** An element's words, without parts marked `data-not-label` (a "*必填" after a name is not part of it). */
function text(el: Element | null | undefined): string | null {
  if (!el) return null;
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll("[data-not-label]").forEach((n) => n.remove());
  return copy.textContent?.replace(/\s+/g, " ").trim() || null;
}

/** The visible name of a control: its <label>, or what aria-labelledby points to. */
function labelOf(control: HTMLElement): string | null {
  const labels = (control as HTMLInputElement).labels;
  if (labels && labels.length > 0) return text(labels[0]);
  const by = control.getAttribute("aria-labelledby");
  if (by)
    return (
      by
        .split(/\s+/)
        .map((id) => text(document.getElementById(id)))
        .filter(Boolean)
        .join(" ") || null
    );
  return control.getAttribute("aria-label");
}

/** The message shown under a control (its aria-describedby elements that are alerts). */
function messageOf(control: HTMLElement): string | null {
  const ids = control.getAttribute("aria-describedby")?.split(/\s+/) ?? [];
  for (const id of ids) {
    const el = document.getElementById(id);
    if (el && /error/i.test(id)) return text(el);
  }
  return null;
}

/**
 * The one way every form reports a failed save: a summary at the top listing every error with
 * the field's own label (read from the form, so no form repeats its labels here), each a
 * link to its field; and the focus moved to the first invalid field (or to the summary when no
 * field is to blame). Put it first inside the <form>; give it the server's per-field errors
 * (a new object after each failed save) and the form's one-line message.
 */
export function FormErrors({
  errors,
  message,
  className,
}: {
  errors: Record<string, string>;
  message?: string | null;
  className?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [items, setItems] = useState<Item[]>([]);
  const shownBefore = useRef(new Set<string>());
  const messageBefore = useRef<string | null>(null);
  const count = Object.keys(errors).length;
  const locale = useLocale();
  const t = useTranslations("forms.errors");
  // Forms may rebuild the errors object on every render: react to what it says, not to its identity.
  const signature = JSON.stringify([errors, message ?? null]);

  useEffect(() => {
    const form = ref.current?.closest("form") ?? ref.current?.parentElement;
    if (!form || (count === 0 && !message)) {
      setItems([]);
      shownBefore.current = new Set();
      messageBefore.current = null;
      return;
    }
    // Invalid controls: marked aria-invalid, or described by an error message under them (FormField).
    const controls = [...form.querySelectorAll<HTMLElement>('[aria-invalid="true"], [aria-describedby]')].filter(
      (c) => c.getAttribute("aria-invalid") === "true" || messageOf(c) !== null,
    );
    const found: Item[] = controls.map((c, i) => ({ key: c.id || `c${i}`, label: labelOf(c), message: messageOf(c) ?? "", control: c }));
    // Errors of fields the form does not show (or shows without a label) are listed by their message.
    const shown = new Set(found.map((f) => f.message));
    const rest = Object.entries(errors)
      .filter(([, m]) => !shown.has(m))
      .map(([k, m]) => ({ key: `e-${k}`, label: null, message: m, control: null }));
    const all = [...found.filter((f) => f.message || f.label), ...rest];
    setItems(all);
    // Focus moves only for a new failure (an error not listed before); a field corrected while
    // typing shrinks the list without taking the focus away from where the person types.
    const pairs = Object.entries(errors).map(([k, m]) => `${k}\u0000${m}`);
    const fresh = pairs.some((p) => !shownBefore.current.has(p)) || (message != null && message !== messageBefore.current);
    shownBefore.current = new Set(pairs);
    messageBefore.current = message ?? null;
    if (!fresh) return;
    const first = all.find((i) => i.control)?.control;
    if (first) {
      first.focus();
      first.scrollIntoView?.({ block: "center" });
    } else ref.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- moves focus once per new set of errors, not on every render
  }, [signature]);

  if (count === 0 && !message) return <div ref={ref} hidden />;
  // The server's one-line message repeats a field's message when one field is wrong: then a plain heading.
  const heading = message && !items.some((i) => i.message === message) ? message : t("heading", { count: Math.max(items.length, count) });
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      data-testid="form-errors"
      className={cn("rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 focus:outline-none", className)}
    >
      <p className="font-medium">{heading}</p>
      {items.length > 0 ? (
        <ul className="mt-1 list-disc space-y-0.5 pl-5">
          {items.map((i) => (
            <li key={i.key}>
              {i.control ? (
                <a
                  href={i.control.id ? `#${i.control.id}` : undefined}
                  className="underline decoration-red-300 underline-offset-2 hover:decoration-red-700"
                  onClick={(e) => {
                    e.preventDefault();
                    i.control?.focus();
                  }}
                >
                  {i.label ? `${i.label}${locale.startsWith("zh") ? "：" : ": "}` : ""}
                  {i.message}
                </a>
              ) : (
                i.message
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
