import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "~/app/_components/ui/link";
import { PrintButton } from "~/app/_components/print-button";
import { Notice } from "~/app/_components/ui/notice";
import { Caption, Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";
import { formatDate } from "~/app/_lib/format-date";
import type { PageRead } from "~/app/_lib/trpc/page-read";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { assessmentHref } from "../params";

type Props = {
  year: number;
  list: PageRead<RouterOutputs["assessment"]["publicity"]>;
  /** The caller's own unit's name (the list's scope), when it could be read. */
  scopeName: string | null;
};

/**
 * The 公示 list as a printable document: heading, dates and scope, the numbered list, the print
 * date. Rendered on the server (nothing to hydrate but the print button).
 */
export async function Publicity({ year, list, scopeName }: Props) {
  const t = await getTranslations("assessmentGrades");
  const tg = await getTranslations("grades");
  const locale = await getLocale();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-2" data-print-hide>
        <Link className="text-sm text-party underline" href={assessmentHref("/assessment", { year, unit: null })}>
          {t("publicity.back")}
        </Link>
        <PrintButton className="ml-auto">{t("publicity.print")}</PrintButton>
      </div>
      {!list.ok ? (
        <Notice tone="error">{list.message}</Notice>
      ) : (
        <article data-print-a4 className="space-y-3 rounded border border-neutral-200 bg-white px-6 py-5">
          <h1 className="text-center text-xl font-semibold">{t("publicity.heading", { year })}</h1>
          <p className="text-sm">{t("publicity.intro", { year })}</p>
          <p className="text-sm">
            {list.data.publicityFrom && list.data.publicityTo
              ? t("publicity.dates", { from: formatDate(list.data.publicityFrom, locale), to: formatDate(list.data.publicityTo, locale) })
              : null}
            {scopeName ? <span className="ml-4">{t("publicity.scope", { scope: scopeName })}</span> : null}
          </p>
          {list.data.rows.length === 0 ? (
            <p className="text-sm text-neutral-500">{t("publicity.empty")}</p>
          ) : (
            <Table className="border-collapse" data-testid="publicity-table">
              <Caption className="sr-only">{t("publicity.heading", { year })}</Caption>
              <THead>
                <TR className="border-b border-neutral-300 text-left">
                  <TH scope="col" className="w-12 px-2 py-1">
                    {t("publicity.index")}
                  </TH>
                  <TH scope="col" className="px-2 py-1">
                    {t("publicity.unit")}
                  </TH>
                  <TH scope="col" className="px-2 py-1">
                    {t("publicity.secretary")}
                  </TH>
                  <TH scope="col" className="px-2 py-1">
                    {t("publicity.grade")}
                  </TH>
                </TR>
              </THead>
              <TBody>
                {list.data.rows.map((r, i) => (
                  <TR key={r.unitId} className="border-b border-neutral-100">
                    <TD className="px-2 py-1 tabular-nums">{i + 1}</TD>
                    <TD className="px-2 py-1">{r.unitName}</TD>
                    <TD className="px-2 py-1">{r.secretary ?? t("table.noSecretary")}</TD>
                    <TD className="px-2 py-1">{tg(r.grade)}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
          <p className="text-sm">{t("publicity.footer")}</p>
          <p className="text-right text-xs text-neutral-600">{t("publicity.printedOn", { date: formatDate(new Date(), locale) })}</p>
        </article>
      )}
    </div>
  );
}
