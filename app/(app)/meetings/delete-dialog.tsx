"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "~/app/_components/ui/button";
import { Dialog, DialogActions } from "~/app/_components/ui/dialog";
import { Notice } from "~/app/_components/ui/notice";
import { describeError } from "~/app/_lib/trpc/errors";
import { useTRPC } from "~/app/_lib/trpc/react";
import type { MeetingRow } from "./meeting-table";

/** Asks before deleting a meeting, which changes the quarter's completion and scores. */
export function DeleteMeetingDialog({
  meeting,
  onClose,
  onDeleted,
}: {
  meeting: MeetingRow;
  onClose: () => void;
  onDeleted: (message: string) => void;
}) {
  const t = useTranslations("meetings");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const remove = useMutation(
    trpc.meeting.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.meeting.pathFilter());
        await queryClient.invalidateQueries(trpc.report.pathFilter());
        onDeleted(t("form.deleted"));
      },
      onError: (err) => setProblem(describeError(err).message),
    }),
  );
  return (
    <Dialog title={t("form.confirmDeleteTitle")} closeLabel={t("form.close")} onClose={onClose}>
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      <p className="text-sm">{t("form.confirmDelete", { date: meeting.date, type: t(`types.${meeting.type}`), topic: meeting.topic })}</p>
      <DialogActions>
        <Button type="button" variant="secondary" onClick={onClose}>
          {t("form.cancel")}
        </Button>
        <Button type="button" disabled={remove.isPending} onClick={() => remove.mutate({ id: meeting.id, version: meeting.version })}>
          {t("form.confirm")}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
