"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Dialog, DialogFormActions } from "~/app/_components/ui/dialog";
import { inputClass } from "~/app/_components/ui/field";
import { fieldIds, FormField } from "~/app/_components/ui/form-field";
import { Notice } from "~/app/_components/ui/notice";
import { cn } from "~/app/_lib/cn";
import { useTRPC } from "~/app/_lib/trpc/react";
import { useServerErrors } from "~/app/_lib/use-server-errors";

/**
 * 开始审议: the chair confirms who attends (出席人员, pre-filled with what was entered when the
 * meeting was convened), then the meeting opens and decisions can be recorded. Loaded on first
 * open (start-dialog-lazy.ts); `onStarted` shows the meeting again, read fresh from the server.
 */
export function StartDialog(props: { id: number; attendees: string; onStarted: () => void; onClose: () => void }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const [attendees, setAttendees] = useState(props.attendees);
  const { fields: errors, problem, show: fail } = useServerErrors();
  const start = useMutation(
    trpc.review.start.mutationOptions({
      onSuccess: () => props.onStarted(),
      onError: fail,
    }),
  );
  return (
    <Dialog
      title={t("review.meeting.startTitle")}
      description={t("review.meeting.startDesc")}
      closeLabel={t("review.meeting.closeLabel")}
      onClose={props.onClose}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          start.mutate({ id: props.id, attendees });
        }}
      >
        {problem ? (
          <Notice tone="error" className="mb-3">
            {problem}
          </Notice>
        ) : null}
        <FormField id="start-attendees" label={t("review.attendees.label")} hint={t("review.attendees.hint")} error={errors.attendees}>
          <textarea
            {...fieldIds("start-attendees", errors.attendees)}
            aria-invalid={!!errors.attendees || undefined}
            className={cn(inputClass, "h-28 py-1.5 leading-relaxed", errors.attendees && "border-red-600")}
            value={attendees}
            autoFocus
            onChange={(e) => setAttendees(e.target.value)}
          />
        </FormField>
        <DialogFormActions
          cancelLabel={t("review.meeting.cancel")}
          onCancel={props.onClose}
          pending={start.isPending}
          pendingLabel={t("review.meeting.starting")}
          submitLabel={t("review.meeting.start")}
        />
      </form>
    </Dialog>
  );
}
