"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useRefresh } from "~/app/_lib/use-refresh";
import { Button } from "~/app/_components/ui/button";
import { lazyDialog } from "~/app/_components/ui/lazy-dialog";
import { useCaseNotice } from "./case-notice";
import type { Editable } from "./edit-dialog";

// The form and the query layer load when it first opens.
const EditCaseDialog = lazyDialog(() => import("./edit-dialog").then((m) => m.EditCaseDialog));

/** “编辑” and its dialog; after saving, the page is read again. */
export function EditCaseButton({ c }: { c: Editable }) {
  const t = useTranslations("caseEdit");
  const say = useCaseNotice();
  const [editing, setEditing] = useState(false);
  const { refresh } = useRefresh();
  return (
    <>
      <Button type="button" variant="secondary" onClick={() => setEditing(true)}>
        {t("edit")}
      </Button>
      {editing ? (
        <EditCaseDialog
          c={c}
          onClose={() => setEditing(false)}
          onSaved={(message) => {
            setEditing(false);
            // The message shows with the page read again, not before it.
            refresh(() => say(message));
          }}
        />
      ) : null}
    </>
  );
}
