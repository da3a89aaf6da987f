"use client";

import { useTranslations } from "next-intl";
import { FormErrors } from "~/app/_components/ui/form-errors";
import { useState } from "react";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { FieldError, TextInput } from "~/app/_components/ui/field";
import { Select } from "~/app/_components/ui/select";
import type { SettingValue } from "~/app/_lib/api-types";
import { SettingFooter } from "./card-footer";
import { useSettingSave, type Setting } from "./use-setting-save";
import { Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";

type Rules = SettingValue<"meetingFrequencies">;
type MeetingType = keyof Rules;
type Per = Rules[MeetingType]["per"];
type Draft = Record<MeetingType, { min: string; per: Per }>;

const meetingTypes: MeetingType[] = [
  "branch_assembly",
  "committee",
  "group",
  "party_lecture",
  "org_life",
  "democratic_life",
  "member_review",
];
const periods: Per[] = ["month", "quarter", "year"];

const toDraft = (rules: Rules) =>
  Object.fromEntries(meetingTypes.map((m) => [m, { min: String(rules[m].min), per: rules[m].per }])) as Draft;
// Junk stays as text so the server names the field; an empty box is a missing number.
const toValue = (draft: Draft) =>
  Object.fromEntries(
    meetingTypes.map((m) => [
      m,
      {
        min: draft[m].min.trim() === "" ? null : Number.isFinite(Number(draft[m].min)) ? Number(draft[m].min) : draft[m].min,
        per: draft[m].per,
      },
    ]),
  );

/** The seven meeting types with their required minimum per month / quarter / year. */
export function MeetingsCard({ row }: { row: Setting<"meetingFrequencies"> }) {
  const t = useTranslations("adminSettings");
  const saver = useSettingSave("meetingFrequencies");
  const [draft, setDraft] = useState(() => toDraft(row.value));
  const [seen, setSeen] = useState(row.version);
  if (row.version !== seen) {
    setSeen(row.version);
    setDraft(toDraft(row.value));
  }
  const set = (m: MeetingType, patch: Partial<Draft[MeetingType]>) => setDraft((d) => ({ ...d, [m]: { ...d[m], ...patch } }));
  const err = saver.fieldErrors;

  return (
    <Card>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          saver.save(toValue(draft), row.version);
        }}
      >
        <CardHeader title={t("meetings.title")} description={t("meetings.description")} />
        <FormErrors errors={saver.fieldErrors} className="mx-4 mt-3" />
        <Table data-testid="meeting-frequencies">
          <THead className="bg-neutral-50 text-left text-xs text-neutral-500">
            <TR>
              <TH className="py-1.5 pl-4 pr-2 font-normal">{t("meetings.type")}</TH>
              <TH className="w-32 px-2 font-normal">{t("meetings.per")}</TH>
              <TH className="num w-36 px-2 font-normal">{t("meetings.min")}</TH>
              <TH className="py-1.5 pl-6 pr-4 font-normal">{t("meetings.default")}</TH>
            </TR>
          </THead>
          <TBody>
            {meetingTypes.map((m) => {
              const minError = err[`value.${m}.min`] ?? err[`value.${m}`];
              const perError = err[`value.${m}.per`];
              const def = row.default[m];
              return (
                <TR key={m} className="border-t border-neutral-100 align-middle" data-meeting={m}>
                  <TH scope="row" id={`meeting-${m}`} className="py-1.5 pl-4 pr-2 text-left font-medium">
                    {t(`meetingTypes.${m}`)}
                  </TH>
                  <TD className="px-2 py-1">
                    <Select
                      aria-labelledby={`meeting-${m} per-${m}`}
                      invalid={!!perError}
                      value={draft[m].per}
                      onChange={(e) => set(m, { per: e.target.value as Per })}
                    >
                      {periods.map((p) => (
                        <option key={p} value={p}>
                          {t(`periods.${p}`)}
                        </option>
                      ))}
                    </Select>
                    <span id={`per-${m}`} hidden>
                      {t("meetings.per")}
                    </span>
                    <FieldError id={`error-${m}-per`} message={perError} />
                  </TD>
                  <TD className="px-2 py-1">
                    <TextInput
                      id={`min-${m}`}
                      aria-labelledby={`meeting-${m} min-label-${m}`}
                      aria-describedby={minError ? `error-${m}-min` : undefined}
                      invalid={!!minError}
                      inputMode="numeric"
                      className="text-right"
                      value={draft[m].min}
                      onChange={(e) => set(m, { min: e.target.value })}
                    />
                    <span id={`min-label-${m}`} hidden>
                      {t("meetings.min")}
                    </span>
                    <FieldError id={`error-${m}-min`} message={minError} />
                  </TD>
                  <TD className="py-1.5 pl-6 pr-4 text-neutral-500">{t("rule", { min: def.min, per: t(`periods.${def.per}`) })}</TD>
                </TR>
              );
            })}
          </TBody>
        </Table>
        <SettingFooter
          row={row}
          pending={saver.pending}
          notice={saver.notice}
          dirty={JSON.stringify(draft) !== JSON.stringify(toDraft(row.value))}
          isDefault={JSON.stringify(toDraft(row.value)) === JSON.stringify(toDraft(row.default))}
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
