"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useTRPC } from "~/app/_lib/trpc/react";

/** The unit's secretary in post today (from the officers roster), linked to their record; “未登记” when none. */
export function SecretaryLine({ unitId }: { unitId: number }) {
  const t = useTranslations("officers.unitHeader");
  const roster = useQuery(useTRPC().officer.list.queryOptions({ unitId }));
  if (!roster.data) return null;
  const secretary = roster.data.find((o) => o.current && o.post === "secretary");
  return (
    <div className="flex gap-1" data-testid="unit-secretary">
      <dt className="text-neutral-500">{t("secretary")}</dt>
      <dd>
        {secretary ? (
          <Link prefetch={false} href={`/officers/${secretary.id}`} className="text-party hover:underline">
            {secretary.name}
          </Link>
        ) : (
          <span className="text-neutral-500">{t("none")}</span>
        )}
      </dd>
    </div>
  );
}
