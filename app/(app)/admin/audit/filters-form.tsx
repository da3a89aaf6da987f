"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "~/app/_components/ui/button";
import { TextInput } from "~/app/_components/ui/field";
import { FormField } from "~/app/_components/ui/form-field";
import { filtersToSearch, type AuditFilters } from "./filters";
import { UnitPicker } from "~/app/_components/unit-picker/unit-picker";

const actionPrefixes = ["report.", "catalogue.", "settings.", "unit.", "user.", "auth.", "authz."];

/** The filter bar; applying it changes the URL, which is where the filters live. */
export function FiltersForm({ filters, errors }: { filters: AuditFilters; errors: Record<string, string> }) {
  const t = useTranslations("adminAudit.filters");
  const router = useRouter();
  const [draft, setDraft] = useState(filters);
  const set = (patch: Partial<AuditFilters>) => setDraft((d) => ({ ...d, ...patch }));

  return (
    <form
      aria-label={t("label")}
      className="grid grid-cols-[minmax(12rem,2fr)_repeat(2,minmax(9rem,1fr))_repeat(2,9.5rem)_auto] items-start gap-3 rounded border border-neutral-200 bg-white px-4 py-3"
      onSubmit={(e) => {
        e.preventDefault();
        router.push(`/admin/audit${filtersToSearch(draft)}`);
      }}
    >
      <FormField id="f-unit" label={t("unit")} error={errors.unitId}>
        <UnitPicker
          id="f-unit"
          overlay
          value={draft.unitId ?? null}
          onChange={(u) => set({ unitId: u.id })}
          onClear={() => set({ unitId: undefined })}
          clearLabel={t("anyUnit")}
        />
      </FormField>
      <FormField id="f-user" label={t("username")} error={errors.username}>
        <TextInput id="f-user" autoComplete="off" value={draft.username ?? ""} onChange={(e) => set({ username: e.target.value || undefined })} />
      </FormField>
      <FormField id="f-action" label={t("action")} hint={t("actionHint")} error={errors.action}>
        <TextInput id="f-action" list="f-action-list" autoComplete="off" value={draft.action ?? ""} onChange={(e) => set({ action: e.target.value || undefined })} />
        <datalist id="f-action-list">
          {actionPrefixes.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
      </FormField>
      <FormField id="f-from" label={t("from")} error={errors.from}>
        <TextInput id="f-from" type="date" invalid={!!errors.from} value={draft.from ?? ""} onChange={(e) => set({ from: e.target.value || undefined })} />
      </FormField>
      <FormField id="f-to" label={t("to")} error={errors.to}>
        <TextInput id="f-to" type="date" invalid={!!errors.to} value={draft.to ?? ""} onChange={(e) => set({ to: e.target.value || undefined })} />
      </FormField>
      <div className="flex gap-2 pt-6">
        <Button type="submit">{t("apply")}</Button>
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            setDraft({});
            router.push("/admin/audit");
          }}
        >
          {t("clear")}
        </Button>
      </div>
    </form>
  );
}
