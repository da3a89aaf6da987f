import { useLocale, useTranslations } from "next-intl";
import { formatDate } from "~/app/_lib/format-date";
import { Link } from "~/app/_components/ui/link";
import { PrintButton } from "~/app/_components/print-button";
import { Notice } from "~/app/_components/ui/notice";
import { Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";
import type { PageRead } from "~/app/_lib/trpc/page-read";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { officerRosterHref } from "../../admin/officers/params";
import { Term } from "../../admin/officers/term";
import { OutcomesSection } from "./outcomes-section";
import { RecordYear } from "./record-year";

/**
 * The record of the person of tenure `id`: header with scope and print date, tenures, year by
 * year, outcomes. Rendered on the server; only recording an outcome runs in the browser.
 */
export function OfficerRecord({ record }: { record: PageRead<RouterOutputs["officer"]["record"]> }) {
  const t = useTranslations("officers");
  const locale = useLocale();
  if (!record.ok) return <Notice tone="error">{record.code === "NOT_FOUND" ? t("record.notFound") : record.message}</Notice>;
  const r = record.data;
  const scope = r.scope.map((s) => s.names.join(t("record.pathSep"))).join("；");

  return (
    <article className="space-y-4" data-print-a4>
      <div className="flex flex-wrap items-center gap-3" data-print-hide>
        {r.canManage ? (
          <Link href={officerRosterHref(r.officer.unitId)} className="text-sm text-party hover:underline">
            {t("record.back")}
          </Link>
        ) : null}
        <PrintButton className="ml-auto">{t("record.print")}</PrintButton>
      </div>

      <header className="space-y-1 rounded border border-neutral-200 bg-white px-4 py-3" data-record-header>
        <p className="text-xs text-neutral-500">{t("record.printHeading")}</p>
        <h1 className="text-xl font-semibold">
          {r.officer.name}
          <span className="ml-2 text-base font-normal text-neutral-600">
            {r.officer.unitName} · {t(`posts.${r.officer.post}`)}
          </span>
        </h1>
        <p className="text-sm text-neutral-700" data-testid="record-scope">
          {t("record.scope", { path: scope })}
        </p>
        <p className="text-xs text-neutral-500">{t("record.printedOn", { date: formatDate(r.today, locale) })}</p>
      </header>

      <section className="rounded border border-neutral-200 bg-white" data-keep>
        <h2 className="border-b border-neutral-200 px-4 py-2 text-base font-semibold">{t("record.tenures")}</h2>
        <Table>
          <THead className="bg-neutral-50 text-left text-xs text-neutral-500">
            <TR>
              <TH className="py-1.5 pl-4 pr-2 font-normal">{t("record.columns.unit")}</TH>
              <TH className="px-2 font-normal">{t("roster.columns.post")}</TH>
              <TH className="px-2 font-normal">{t("roster.columns.fullTime")}</TH>
              <TH className="px-2 font-normal">{t("roster.columns.concurrentHead")}</TH>
              <TH className="px-2 pr-4 font-normal">{t("roster.columns.term")}</TH>
            </TR>
          </THead>
          <TBody>
            {r.tenures.map((x) => (
              <TR key={x.id} className="border-t border-neutral-100">
                <TD className="py-1.5 pl-4 pr-2">
                  <Link href={`/units/${x.unitId}`} className="text-party hover:underline">
                    {x.unitName}
                  </Link>
                </TD>
                <TD className="px-2">{t(`posts.${x.post}`)}</TD>
                <TD className="px-2">{x.fullTime ? t("roster.fullTime") : t("roster.partTime")}</TD>
                <TD className="px-2">{x.concurrentHead ? t("roster.yes") : t("roster.no")}</TD>
                <TD className="px-2 pr-4">
                  <Term from={x.fromDate} to={x.toDate} />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
        {r.hiddenTenures > 0 ? (
          <p className="px-4 py-2 text-xs text-neutral-500">{t("record.hidden", { count: r.hiddenTenures })}</p>
        ) : null}
      </section>

      <div className="space-y-3" data-testid="record-years">
        <h2 className="text-base font-semibold">{t("record.years")}</h2>
        {r.years.length === 0 ? <p className="text-sm text-neutral-500">{t("record.noYears")}</p> : null}
        {r.years.map((y) => (
          <RecordYear key={`${y.year}:${y.unitId}`} year={y} />
        ))}
      </div>

      <OutcomesSection officerId={r.officer.id} name={r.officer.name} canManage={r.canManage}>
        {r.outcomes.length === 0 ? (
          <p className="px-4 py-2 text-sm text-neutral-500">{t("record.noOutcomes")}</p>
        ) : (
          <ul className="divide-y divide-neutral-100 px-4 text-sm" data-testid="record-outcomes">
            {r.outcomes.map((o) => (
              <li key={o.id} className="py-1.5">
                {t("record.outcomeLine", { date: formatDate(o.decidedOn, locale), kind: t(`outcomeKinds.${o.kind}`), year: o.year })}
                {o.note ? <span className="ml-2 text-neutral-600">{o.note}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </OutcomesSection>
    </article>
  );
}
