"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { TextInput } from "~/app/_components/ui/field";
import { FormField, fieldIds } from "~/app/_components/ui/form-field";
import type { SettingValue } from "~/app/_lib/api-types";
import { SettingFooter } from "./card-footer";
import { useSettingSave, type Setting } from "./use-setting-save";

type Cutoff = SettingValue<"quadrantCutoff">;
type Draft = { mode: Cutoff["mode"]; business: string; party: string };

const toDraft = (v: Cutoff): Draft => ({
  mode: v.mode,
  business: v.mode === "fixed" ? String(v.business) : "",
  party: v.mode === "fixed" ? String(v.party) : "",
});
// Junk stays as text so the server names the field; an empty box is a missing number.
const num = (s: string) => (s.trim() === "" ? null : Number.isFinite(Number(s)) ? Number(s) : s);
const toValue = (d: Draft) => (d.mode === "mean" ? { mode: "mean" } : { mode: "fixed", business: num(d.business), party: num(d.party) });

/**
 * 重业务轻党建 cut-off: the means of the units compared, or fixed business / Party-building
 * thresholds — used by the quadrant, its list and the review agenda alike.
 */
export function QuadrantCutoffCard({ row }: { row: Setting<"quadrantCutoff"> }) {
  const t = useTranslations("adminSettings.cutoff");
  const ts = useTranslations("adminSettings");
  const saver = useSettingSave("quadrantCutoff");
  const [draft, setDraft] = useState(() => toDraft(row.value));
  const [seen, setSeen] = useState(row.version);
  if (row.version !== seen) {
    setSeen(row.version);
    setDraft(toDraft(row.value));
  }
  const err = saver.fieldErrors;
  const fixed = draft.mode === "fixed";
  const radio = (mode: Draft["mode"]) => (
    <label className="flex cursor-pointer items-start gap-2 text-sm">
      <input
        type="radio"
        name="quadrant-cutoff-mode"
        className="mt-1 accent-party"
        checked={draft.mode === mode}
        onChange={() => setDraft((d) => ({ ...d, mode }))}
      />
      <span>
        <span className="font-medium">{t(`modes.${mode}`)}</span>
        <span className="block text-xs text-neutral-500">{t(`modeHints.${mode}`)}</span>
      </span>
    </label>
  );
  return (
    <Card data-testid="quadrant-cutoff-setting">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          saver.save(toValue(draft), row.version);
        }}
      >
        <CardHeader title={t("title")} description={t("description")} />
        <div className="space-y-3 px-4 py-3">
          <fieldset className="space-y-2">
            <legend className="sr-only">{t("title")}</legend>
            {radio("mean")}
            {radio("fixed")}
          </fieldset>
          {fixed ? (
            <div className="flex flex-wrap gap-6 pl-6">
              <FormField id="cutoff-business" label={t("business")} error={err["value.business"]} className="w-40">
                <TextInput
                  {...fieldIds("cutoff-business", err["value.business"])}
                  invalid={!!err["value.business"]}
                  inputMode="decimal"
                  className="w-24 text-right"
                  value={draft.business}
                  onChange={(e) => setDraft((d) => ({ ...d, business: e.target.value }))}
                />
              </FormField>
              <FormField id="cutoff-party" label={t("party")} error={err["value.party"]} className="w-40">
                <TextInput
                  {...fieldIds("cutoff-party", err["value.party"])}
                  invalid={!!err["value.party"]}
                  inputMode="decimal"
                  className="w-24 text-right"
                  value={draft.party}
                  onChange={(e) => setDraft((d) => ({ ...d, party: e.target.value }))}
                />
              </FormField>
            </div>
          ) : null}
          <p className="text-xs text-neutral-500">{ts("defaultValue", { value: t("modes.mean") })}</p>
        </div>
        <SettingFooter
          row={row}
          pending={saver.pending}
          notice={saver.notice}
          dirty={JSON.stringify(draft) !== JSON.stringify(toDraft(row.value))}
          isDefault={JSON.stringify(row.value) === JSON.stringify(row.default)}
          onReset={() => {
            setDraft(toDraft(row.default));
            saver.save(row.default, row.version, "reset");
          }}
          onReload={saver.reload}
        />
      </form>
    </Card>
  );
}
