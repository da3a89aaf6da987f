"use client";

import { useTranslations } from "next-intl";
import { Link } from "~/app/_components/ui/link";
import { cn } from "~/app/_lib/cn";
import type { ReviewMeetingKind } from "~/lib/codes";
import { reviewNewDutyHref, reviewNewHref } from "./params";

const tab = "inline-flex h-8 items-center px-3 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-party";

/** Which meeting is convened: 问责审议会 or 述职评议会 (one slide per secretary); the subtree is kept. */
export function KindChoice({ kind, unitId }: { kind: ReviewMeetingKind; unitId: number }) {
  const t = useTranslations();
  const links: [ReviewMeetingKind, string][] = [
    ["accountability", reviewNewHref("/review/new", { unit: unitId })],
    ["duty_review", reviewNewDutyHref("/review/new", { unit: unitId, kind: "duty_review" })],
  ];
  return (
    <nav aria-label={t("dutyReview.kind.label")} className="flex overflow-hidden rounded border border-neutral-300">
      {links.map(([k, href]) => (
        <Link
          key={k}
          href={href}
          aria-current={k === kind ? "page" : undefined}
          className={cn(tab, k === kind ? "bg-party text-white" : "bg-white text-neutral-700 hover:bg-neutral-50")}
        >
          {t(`dutyReview.kind.${k}`)}
        </Link>
      ))}
    </nav>
  );
}
