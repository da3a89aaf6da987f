"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { describeError } from "~/app/_lib/trpc/errors";

/**
 * Server errors for a form: messages per field (shown on the field) and one summary line
 * (how many fields are wrong, or the server's message when no field is to blame).
 */
export function useFormErrors(namespace: "adminUnits" | "adminUsers", countKey: "form.hasErrors" | "hasErrors") {
  // client-messages: adminUnits adminUsers (the caller's namespace)
  const t = useTranslations(namespace);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);
  return {
    fields,
    summary,
    clear: () => {
      setFields({});
      setSummary(null);
    },
    show: (err: unknown) => {
      const e = describeError(err);
      const count = Object.keys(e.fieldErrors).length;
      setFields(e.fieldErrors);
      setSummary(count > 0 ? t(countKey, { count }) : t("error", { message: e.message }));
    },
  };
}
