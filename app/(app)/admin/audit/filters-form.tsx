"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "~/app/_components/ui/button";
import { TextInput } from "~/app/_components/ui/field";
import { FormField } from "~/app/_components/ui/form-field";
import { Select } from "~/app/_components/ui/select";
import type { AuditFilters } from "./filters";
import type { PickedUnit } from "~/app/_components/unit-picker/unit-picker";
import { UnitPickerShell } from "~/app/_components/unit-picker/unit-picker-shell";

/** The kinds of action, as the first part of their codes; the page names them in words. */
const actionKinds = [
  "report",
  "case",
  "meeting",
  "inspection",
  "review",
  "assessment",
  "catalogue",
  "settings",
  "unit",
  "user",
  "auth",
  "authz",
] as const;

/**
 * The filter bar; applying it (`onApply`) changes the URL, which is where the filters live.
 * `unit`: the filters' unit, read on the server, so the unit picker loads only when used.
 */
export function FiltersForm({
  filters,
  unit,
  errors,
  onApply,
}: {
  filters: AuditFilters;
  unit: PickedUnit | null;
  errors: Record<string, string>;
  onApply: (filters: AuditFilters) => void;
}) {
  const t = useTranslations("adminAudit.filters");
  const w = useTranslations("auditWords.filters");
  const [draft, setDraft] = useState(filters);
  const set = (patch: Partial<AuditFilters>) => setDraft((d) => ({ ...d, ...patch }));

  return (
    <form
      aria-label={t("label")}
      className="grid grid-cols-1 items-start gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(12rem,2fr)_repeat(2,minmax(9rem,1fr))_repeat(2,9.5rem)_auto] rounded border border-neutral-200 bg-white px-4 py-3"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(draft);
      }}
    >
      <FormField id="f-q" label={w("q")} hint={w("qHint")} error={errors.q} className="col-span-full">
        <TextInput
          id="f-q"
          type="search"
          autoComplete="off"
          value={draft.q ?? ""}
          onChange={(e) => set({ q: e.target.value || undefined })}
        />
      </FormField>
      <FormField id="f-unit" label={t("unit")} error={errors.unitId}>
        <UnitPickerShell
          id="f-unit"
          chosen={unit}
          overlay
          value={draft.unitId ?? null}
          onChange={(u) => set({ unitId: u.id })}
          onClear={() => set({ unitId: undefined })}
          clearLabel={t("anyUnit")}
        />
      </FormField>
      <FormField id="f-user" label={t("username")} error={errors.username}>
        <TextInput
          id="f-user"
          autoComplete="off"
          value={draft.username ?? ""}
          onChange={(e) => set({ username: e.target.value || undefined })}
        />
      </FormField>
      <FormField id="f-action" label={w("kind")} error={errors.action}>
        <Select id="f-action" value={draft.action ?? ""} onChange={(e) => set({ action: e.target.value || undefined })}>
          <option value="">{w("anyKind")}</option>
          {draft.action && !actionKinds.some((k) => `${k}.` === draft.action) ? <option value={draft.action}>{draft.action}</option> : null}
          {actionKinds.map((k) => (
            <option key={k} value={`${k}.`}>
              {w(`kinds.${k}`)}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField id="f-from" label={t("from")} error={errors.from}>
        <TextInput
          id="f-from"
          type="date"
          invalid={!!errors.from}
          value={draft.from ?? ""}
          onChange={(e) => set({ from: e.target.value || undefined })}
        />
      </FormField>
      <FormField id="f-to" label={t("to")} error={errors.to}>
        <TextInput
          id="f-to"
          type="date"
          invalid={!!errors.to}
          value={draft.to ?? ""}
          onChange={(e) => set({ to: e.target.value || undefined })}
        />
      </FormField>
      <div className="flex gap-2 pt-6">
        <Button type="submit">{t("apply")}</Button>
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            setDraft({});
            onApply({});
          }}
        >
          {t("clear")}
        </Button>
      </div>
    </form>
  );
}
