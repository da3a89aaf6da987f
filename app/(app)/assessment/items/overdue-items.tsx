import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "~/app/_components/ui/link";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { Notice } from "~/app/_components/ui/notice";
import { Caption, Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";
import { formatDate } from "~/app/_lib/format-date";
import type { PageRead } from "~/app/_lib/trpc/page-read";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { unitYearHref } from "../params";

/**
 * The overdue comment items (点评整改事项) of the caller's units, oldest deadline first, each
 * opening its unit's year. Rendered on the server: a list of links, nothing to hydrate.
 */
export async function OverdueItems({ items }: { items: PageRead<RouterOutputs["assessment"]["overdueItems"]> }) {
  const t = await getTranslations("assessmentWalk.overdueItems");
  const locale = await getLocale();
  return (
    <div className="space-y-4">
      <Link className="text-sm text-party underline" href="/">
        {t("back")}
      </Link>
      {!items.ok ? (
        <Notice tone="error">{items.message}</Notice>
      ) : (
        <Card>
          <CardHeader
            title={t("title", { count: items.data.total })}
            description={
              items.data.total > items.data.rows.length ? t("more", { shown: items.data.rows.length, total: items.data.total }) : t("hint")
            }
          />
          {items.data.rows.length === 0 ? (
            <p className="px-4 py-6 text-sm text-neutral-500">{t("empty")}</p>
          ) : (
            <Table data-testid="overdue-items-list">
              <Caption className="sr-only">{t("title", { count: items.data.total })}</Caption>
              <THead className="text-left text-xs text-neutral-500">
                <TR>
                  <TH scope="col" className="py-1.5 pl-4 font-normal">
                    {t("unit")}
                  </TH>
                  <TH scope="col" className="font-normal">
                    {t("year")}
                  </TH>
                  <TH scope="col" className="font-normal">
                    {t("content")}
                  </TH>
                  <TH scope="col" className="font-normal">
                    {t("deadline")}
                  </TH>
                  <TH scope="col" className="pr-4" />
                </TR>
              </THead>
              <TBody>
                {items.data.rows.map((r) => (
                  <TR key={r.id} className="border-t border-neutral-100" data-testid="overdue-item-row">
                    <TD className="py-1.5 pl-4">{r.unitName}</TD>
                    <TD className="whitespace-nowrap">{t("yearValue", { year: r.year })}</TD>
                    <TD>{r.content}</TD>
                    <TD className="whitespace-nowrap text-red-800">{formatDate(r.deadline, locale)}</TD>
                    <TD className="pr-4 text-right">
                      <Link className="text-party hover:underline" href={unitYearHref(r.unitId, r.year)}>
                        {t("open")}
                      </Link>
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </Card>
      )}
    </div>
  );
}
