import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "~/app/_components/ui/link";
import { Badge } from "~/app/_components/ui/badge";
import { Card, CardHeader } from "~/app/_components/ui/card";
import type { PageRead } from "~/app/_lib/trpc/page-read";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { formatQuarter } from "~/lib/quarter";
import { statusTone } from "../../cases/tones";
import { CardState, chartState } from "~/app/_components/charts/chart-state";
import { casesHref } from "~/app/(app)/cases/params";
import { ReadError } from "./read-error";

/** Cases shown on the unit page; the full list is one click away. */
const SHOWN = 10;

/** Accountability cases of the unit (with the units below it, when it has any), newest first. */
export async function UnitCasesCard({
  unitId,
  subtree,
  list,
}: {
  unitId: number;
  subtree: boolean;
  list: PageRead<RouterOutputs["case"]["list"]>;
}) {
  const t = await getTranslations("unitPage");
  const tc = await getTranslations("cases");
  const tcat = await getTranslations("categories");
  const common = await getTranslations("common");
  const locale = await getLocale();
  const cases = list.ok ? list.data.cases : [];
  return (
    <Card data-testid="unit-cases">
      <CardHeader
        title={t("casesTitle", { count: cases.length })}
        description={subtree ? t("casesDescSubtree") : t("casesDescOwn")}
        actions={
          <Link prefetch={false} href={casesHref({ unitId: unitId })} className="shrink-0 text-sm text-party hover:underline">
            {t("allCases")}
          </Link>
        }
      />
      {!list.ok ? (
        <ReadError message={common("error", { message: list.message })} />
      ) : (
        <CardState look="line" state={chartState({ loading: false, empty: cases.length === 0 && { message: t("casesEmpty") } })}>
          <ul className="divide-y divide-neutral-100 text-sm">
            {cases.slice(0, SHOWN).map((c) => (
              <li key={c.id} className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5 px-4 py-1.5" data-case={c.id}>
                <Link prefetch={false} href={`/cases/${c.id}`} className="text-party hover:underline">
                  #{c.id} {tcat(c.category)}
                </Link>
                <span className="text-neutral-600">{tc(`forms.${c.form}`)}</span>
                <Badge tone={statusTone[c.status]}>{tc(`statuses.${c.status}`)}</Badge>
                {c.overdueItems > 0 ? <Badge tone="warning">{t("overdueItems", { count: c.overdueItems })}</Badge> : null}
                <span className="ml-auto text-xs text-neutral-500">
                  {c.unitId !== unitId ? (
                    <Link prefetch={false} href={`/units/${c.unitId}`} className="mr-2 hover:underline">
                      {c.unitName}
                    </Link>
                  ) : null}
                  {c.quarter ? formatQuarter(c.quarter, locale) : null}
                </span>
              </li>
            ))}
          </ul>
        </CardState>
      )}
    </Card>
  );
}
