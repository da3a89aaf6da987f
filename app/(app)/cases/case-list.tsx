import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "~/app/_components/ui/link";
import { Badge } from "~/app/_components/ui/badge";
import { Notice } from "~/app/_components/ui/notice";
import { Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";
import type { PickedUnit } from "~/app/_components/unit-picker/unit-picker";
import type { ListCasesInput } from "~/app/_lib/api-types";
import type { PageRead } from "~/app/_lib/trpc/page-read";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { dashboardHref } from "~/app/(app)/dashboard/dashboard-links";
import { formatQuarter } from "~/lib/quarter";
import { CaseFilters } from "./case-filters";
import { ListNavigation, ListPending } from "./list-navigation";
import { OpenCase } from "./open-case";
import type { CasePrefill } from "./params";
import { statusTone } from "./tones";

/**
 * The cases of a subtree with URL-held filters, rendered on the server from `case.list`; reviewers
 * and admins can open a case here (the form loads on first opening).
 */
export async function CaseList(props: {
  filters: ListCasesInput;
  prefill: CasePrefill;
  list: PageRead<RouterOutputs["case"]["list"]>;
  unit: PickedUnit | null;
}) {
  const { filters, list } = props;
  const t = await getTranslations();
  const locale = await getLocale();
  const canWrite = list.ok && list.data.canWrite;

  return (
    <ListNavigation>
      <div className="space-y-4">
        <div className="flex flex-wrap items-end gap-4 rounded border border-neutral-200 bg-white px-4 py-3">
          <h1 className="mr-auto text-lg font-semibold">{t("cases.heading")}</h1>
          <Link
            href={dashboardHref("/cases/dashboard", { unit: filters.unitId })}
            className="self-center text-sm text-party hover:underline"
          >
            {t("caseDashboard.heading")}
          </Link>
          {canWrite ? <OpenCase filters={filters} prefill={props.prefill} /> : null}
        </div>
        <CaseFilters filters={filters} unit={props.unit} />
        {!list.ok ? (
          <Notice tone="error">{t("common.error", { message: list.message })}</Notice>
        ) : (
          <ListPending className="space-y-4">
            {!canWrite ? <Notice>{t("cases.readOnly")}</Notice> : null}
            {list.data.cases.length === 0 ? (
              <p className="rounded border border-neutral-200 bg-white px-4 py-3 text-sm text-neutral-500">{t("cases.empty")}</p>
            ) : (
              <div className="overflow-x-auto rounded border border-neutral-200 bg-white">
                <Table data-testid="cases-table">
                  <THead className="bg-neutral-50 text-left text-xs text-neutral-600">
                    <TR>
                      {(["id", "unit", "subject", "category", "form", "status", "quarter", "items"] as const).map((c) => (
                        <TH key={c} scope="col" className="px-3 py-2 font-medium">
                          {t(`cases.columns.${c}`)}
                        </TH>
                      ))}
                    </TR>
                  </THead>
                  <TBody className="divide-y divide-neutral-100">
                    {list.data.cases.map((c) => (
                      <TR key={c.id} data-case={c.id}>
                        <TD className="px-3 py-2">
                          <Link className="text-party hover:underline" href={`/cases/${c.id}`}>
                            #{c.id}
                          </Link>
                        </TD>
                        <TD className="px-3 py-2">{c.unitName}</TD>
                        <TD className="px-3 py-2">{t(`cases.subjects.${c.subject}`)}</TD>
                        <TD className="px-3 py-2">{t(`categories.${c.category}`)}</TD>
                        <TD className="px-3 py-2">{t(`cases.forms.${c.form}`)}</TD>
                        <TD className="px-3 py-2">
                          <Badge tone={statusTone[c.status]}>{t(`cases.statuses.${c.status}`)}</Badge>
                        </TD>
                        <TD className="px-3 py-2 whitespace-nowrap">{formatQuarter(c.quarter, locale)}</TD>
                        <TD className="px-3 py-2 whitespace-nowrap">
                          {c.openItems > 0 ? t("cases.columns.itemsCount", { open: c.openItems }) : "—"}{" "}
                          {c.overdueItems > 0 ? (
                            <Badge tone="warning">
                              {t("cases.overdue")} · {t("cases.columns.overdueCount", { count: c.overdueItems })}
                            </Badge>
                          ) : null}
                        </TD>
                      </TR>
                    ))}
                  </TBody>
                </Table>
              </div>
            )}
          </ListPending>
        )}
      </div>
    </ListNavigation>
  );
}
