"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "~/app/_components/ui/button";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { TextInput } from "~/app/_components/ui/field";
import { FormErrors } from "~/app/_components/ui/form-errors";
import { fieldIds, FormField } from "~/app/_components/ui/form-field";
import { Notice } from "~/app/_components/ui/notice";
import type { RouterInputs } from "~/app/_lib/trpc/types";
import { useLazyMutation } from "~/app/_lib/trpc/use-lazy-mutation";
import { useServerErrors } from "~/app/_lib/use-server-errors";
import type { UnitYear } from "../../duty/types";

const counts = ["voters", "good", "fairlyGood", "average", "poor"] as const;
type Count = (typeof counts)[number];

/** 民主测评: the ballot counts, entered by the level above (read-only for everyone else). */
export function AppraisalForm({ data }: { data: UnitYear }) {
  const t = useTranslations("assessmentInputs.appraisal");
  const a = data.appraisal;
  const [values, setValues] = useState<Record<Count, string>>(
    () => Object.fromEntries(counts.map((k) => [k, a ? String(a[k]) : ""])) as Record<Count, string>,
  );
  const [saved, setSaved] = useState(false);
  // The version this form started from: a change by someone else meanwhile is a CONFLICT, not overwritten.
  const [version, setVersion] = useState(a?.version ?? 0);
  const { fields, problem, show, clear } = useServerErrors();
  const save = useLazyMutation((api, input: RouterInputs["assessment"]["saveAppraisal"]) => api.assessment.saveAppraisal.mutate(input), {
    refresh: true,
    onSuccess: (res) => {
      setVersion(res.version);
      setSaved(true);
    },
    onError: show,
  });
  const valid = ["good", "fairlyGood", "average", "poor"].reduce((s, k) => s + (Number(values[k as Count]) || 0), 0);
  const editable = data.can.assess;
  return (
    <Card data-testid="appraisal-card">
      <CardHeader title={t("title")} description={t("hint")} />
      {!editable && !a ? (
        <p className="px-4 py-3 text-sm text-neutral-500">{t("none")}</p>
      ) : (
        <form
          noValidate
          className="space-y-3 px-4 py-3"
          onSubmit={(e) => {
            e.preventDefault();
            clear();
            setSaved(false);
            // An empty box is sent as it is (not a number): the server names the field.
            const n = (k: Count) => (values[k].trim() === "" ? (undefined as unknown as number) : Number(values[k]));
            save.mutate({
              year: data.year,
              unitId: data.unit.id,
              voters: n("voters"),
              good: n("good"),
              fairlyGood: n("fairlyGood"),
              average: n("average"),
              poor: n("poor"),
              version,
            });
          }}
        >
          <FormErrors errors={fields} message={problem} />
          {saved ? <Notice tone="success">{t("saved")}</Notice> : null}
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-5">
            {counts.map((k) => (
              <FormField key={k} id={`appraisal-${k}`} label={t(k)} error={fields[k]}>
                <TextInput
                  {...fieldIds(`appraisal-${k}`, fields[k])}
                  invalid={!!fields[k]}
                  inputMode="numeric"
                  readOnly={!editable}
                  value={values[k]}
                  onChange={(e) => {
                    setSaved(false);
                    setValues({ ...values, [k]: e.target.value });
                  }}
                />
              </FormField>
            ))}
          </div>
          <p className="text-xs text-neutral-600">{t("validBallots", { valid, voters: Number(values.voters) || 0 })}</p>
          {editable ? (
            <Button type="submit" disabled={save.isPending}>
              {save.isPending ? t("saving") : t("save")}
            </Button>
          ) : null}
        </form>
      )}
    </Card>
  );
}
