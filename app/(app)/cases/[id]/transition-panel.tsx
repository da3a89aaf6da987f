"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "~/app/_components/ui/button";
import { FieldError } from "~/app/_components/ui/field";
import { Notice } from "~/app/_components/ui/notice";
import { describeError } from "~/app/_lib/trpc/errors";
import { useTRPC } from "~/app/_lib/trpc/react";
import type { CaseStatus } from "~/lib/codes";

/** A comment box and one button per move the server offers (`nextStatuses`). */
export function TransitionPanel({
  c,
  onDone,
}: {
  c: { id: number; status: CaseStatus; nextStatuses: CaseStatus[]; openItems: number };
  onDone: (message: string) => void;
}) {
  const t = useTranslations("cases");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState("");
  const [problem, setProblem] = useState<{ message: string; field?: string } | null>(null);
  const move = useMutation(
    trpc.case.transition.mutationOptions({
      onSuccess: async ({ status }) => {
        setComment("");
        setProblem(null);
        await queryClient.invalidateQueries(trpc.case.pathFilter());
        onDone(t("detail.moved", { status: t(`statuses.${status}`) }));
      },
      onError: (err) => {
        const d = describeError(err);
        setProblem({ message: d.message, field: d.fieldErrors.comment });
      },
    }),
  );
  // Closing waits for the items: say so instead of showing a button the server would refuse.
  const blocked = c.status === "rectifying" && c.openItems > 0;
  if (c.nextStatuses.length === 0 && !blocked) return null;
  return (
    <div className="space-y-2 border-t border-neutral-200 px-4 py-3" data-testid="transition-panel">
      {blocked ? <Notice>{t("detail.closeBlocked", { count: c.openItems })}</Notice> : null}
      {problem && !problem.field ? <Notice tone="error">{problem.message}</Notice> : null}
      {c.nextStatuses.length > 0 ? (
        <>
          <label htmlFor="case-comment" className="block text-sm font-medium">
            {t("detail.comment")}
          </label>
          <textarea
            id="case-comment"
            aria-invalid={!!problem?.field || undefined}
            aria-describedby={problem?.field ? "case-comment-error" : undefined}
            className="min-h-16 w-full rounded border border-neutral-300 px-2 py-1 text-sm"
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          <FieldError id="case-comment-error" message={problem?.field} />
          <div className="flex flex-wrap gap-2">
            {c.nextStatuses.map((to) => (
              <Button key={to} type="button" disabled={move.isPending} onClick={() => move.mutate({ id: c.id, to, comment })}>
                {t("detail.to", { status: t(`statuses.${to}`) })}
              </Button>
            ))}
          </div>
        </>
      ) : null}
    </div>
  );
}
