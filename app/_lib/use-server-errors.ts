"use client";

import { useState } from "react";
import { describeError } from "~/app/_lib/trpc/errors";

/**
 * A form's server errors: the message per field (shown on the field) and one form-level problem —
 * the server's message when no field is to blame, or always with `alwaysMessage`.
 * `show` is the mutation's `onError`; `clear` forgets both.
 */
export function useServerErrors(opts: { alwaysMessage?: boolean } = {}) {
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  return {
    fields,
    problem,
    setFields,
    show: (err: unknown) => {
      const d = describeError(err);
      setFields(d.fieldErrors);
      setProblem(opts.alwaysMessage || Object.keys(d.fieldErrors).length === 0 ? d.message : null);
    },
    clear: () => {
      setFields({});
      setProblem(null);
    },
  };
}
