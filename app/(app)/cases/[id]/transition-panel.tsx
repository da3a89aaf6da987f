"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "~/app/_components/ui/button";
import { FieldError } from "~/app/_components/ui/field";
import { Notice } from "~/app/_components/ui/notice";
import { useLazyMutation } from "~/app/_lib/trpc/use-lazy-mutation";
import type { CaseStatus } from "~/lib/codes";
import { useCaseNotice } from "./case-notice";

/** A comment box and one button per move the server offers (`nextStatuses`); after a move the page is read again. */
export function TransitionPanel({ c }: { c: { id: number; status: CaseStatus; nextStatuses: CaseStatus[]; openItems: number } }) {
  const t = useTranslations("cases");
  const say = useCaseNotice();
  const [comment, setComment] = useState("");
  const move = useLazyMutation((api, input: { id: number; to: CaseStatus; comment: string }) => api.case.transition.mutate(input), {
    refresh: true,
    onSuccess: ({ status }) => {
      setComment("");
      say(t("detail.moved", { status: t(`statuses.${status}`) }));
    },
  });
  const fieldError = move.error?.fieldErrors.comment;
  // Closing waits for the items: say so instead of showing a button the server would refuse.
  const blocked = c.status === "rectifying" && c.openItems > 0;
  if (c.nextStatuses.length === 0 && !blocked) return null;
  return (
    <div className="space-y-2 border-t border-neutral-200 px-4 py-3" data-testid="transition-panel">
      {blocked ? <Notice>{t("detail.closeBlocked", { count: c.openItems })}</Notice> : null}
      {move.error && !fieldError ? <Notice tone="error">{move.error.message}</Notice> : null}
      {c.nextStatuses.length > 0 ? (
        <>
          <label htmlFor="case-comment" className="block text-sm font-medium">
            {t("detail.comment")}
          </label>
          <textarea
            id="case-comment"
            aria-invalid={!!fieldError || undefined}
            aria-describedby={fieldError ? "case-comment-error" : undefined}
            className="min-h-16 w-full rounded border border-neutral-300 px-2 py-1 text-sm"
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          <FieldError id="case-comment-error" message={fieldError} />
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
