"use client";

import { useLocale, useTranslations } from "next-intl";
import { FormErrors } from "~/app/_components/ui/form-errors";
import { useState } from "react";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { TextInput } from "~/app/_components/ui/field";
import { FormField, fieldIds } from "~/app/_components/ui/form-field";
import { formatQuarter, reportDeadline } from "~/lib/quarter";
import { SettingFooter } from "./card-footer";
import { useSettingSave, type Setting } from "./use-setting-save";
import { formatDate } from "~/app/_lib/format-date";
import type { RouterOutputs } from "~/app/_lib/trpc/types";

type DeadlineRules = RouterOutputs["settings"]["deadlineRules"];

/** 报送截止天数, with the deadline it gives for the current reporting quarter (`rules`: null when they could not be read). */
export function DeadlineCard({
  row,
  rules,
  exampleQuarter,
}: {
  row: Setting<"reportDeadlineDays">;
  rules: DeadlineRules | null;
  exampleQuarter: string;
}) {
  const t = useTranslations("adminSettings");
  const locale = useLocale();
  const saver = useSettingSave("reportDeadlineDays");
  const [days, setDays] = useState(String(row.value));
  // A newer version (after a save or a reload) replaces what is in the field.
  const [seen, setSeen] = useState(row.version);
  if (row.version !== seen) {
    setSeen(row.version);
    setDays(String(row.value));
  }
  const n = Number(days);
  const valid = days.trim() !== "" && Number.isInteger(n) && n >= 0 && n <= 120;
  // The deadline instant is the start of the day after the last allowed one.
  // A change applies from the first quarter whose reporting has not opened; earlier ones keep theirs.
  const from = rules?.firstChangeable ?? exampleQuarter;
  const lastDay = valid ? new Date(reportDeadline(from, n).getTime() - 1) : null;
  const longDate = (d: Date) => formatDate(d, locale);
  const error = saver.fieldErrors.value;

  return (
    <Card>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          saver.save(days.trim() === "" ? null : Number(days), row.version);
        }}
      >
        <CardHeader title={t("deadline.title")} description={t("deadline.description")} />
        <FormErrors errors={saver.fieldErrors} className="mx-4 mt-3" />
        <div className="flex flex-wrap items-start gap-6 px-4 py-3">
          <FormField id="deadline-days" label={t("deadline.label")} error={error} className="w-48">
            <div className="flex items-center gap-2">
              <TextInput
                {...fieldIds("deadline-days", error)}
                invalid={!!error}
                inputMode="numeric"
                className="w-24 text-right"
                value={days}
                onChange={(e) => setDays(e.target.value)}
              />
              <span className="text-sm text-neutral-600">{t("deadline.unit")}</span>
            </div>
          </FormField>
          <div className="pt-6 text-sm text-neutral-700">
            {lastDay ? (
              <p data-testid="deadline-example">
                {t("deadline.example", { quarter: formatQuarter(from, locale), date: longDate(lastDay) })}
              </p>
            ) : null}
            {rules ? (
              <p className="mt-1" data-testid="deadline-fixed">
                {t("deadline.fixed", {
                  current: formatQuarter(rules.currentQuarter, locale),
                  days: rules.currentDays,
                  date: longDate(new Date(reportDeadline(rules.currentQuarter, rules.currentDays).getTime() - 1)),
                  next: formatQuarter(rules.firstChangeable, locale),
                })}
              </p>
            ) : null}
            {rules && rules.rules.length > 1 ? (
              <ul className="mt-1 text-xs text-neutral-600" aria-label={t("deadline.history")} data-testid="deadline-history">
                {rules.rules.map((r) => (
                  <li key={r.validFrom}>
                    {r.validFrom === "0000Q1"
                      ? t("deadline.versionInitial", { days: r.days })
                      : t("deadline.version", { quarter: formatQuarter(r.validFrom, locale), days: r.days })}
                  </li>
                ))}
              </ul>
            ) : null}
            <p className="mt-1 text-xs text-neutral-500">{t("defaultValue", { value: row.default })}</p>
          </div>
        </div>
        <SettingFooter
          row={row}
          pending={saver.pending}
          notice={saver.notice}
          dirty={days.trim() !== String(row.value)}
          isDefault={row.value === row.default}
          onReset={() => {
            setDays(String(row.default));
            saver.save(row.default, row.version, "reset");
          }}
          onReload={saver.reload}
        />
      </form>
    </Card>
  );
}
