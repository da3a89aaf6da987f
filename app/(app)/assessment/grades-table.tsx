"use client";

import { useTranslations } from "next-intl";
import { Link } from "~/app/_components/ui/link";
import { useState } from "react";
import { Button } from "~/app/_components/ui/button";
import { Caption, Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";
import { cn } from "~/app/_lib/cn";
import { grades } from "~/lib/codes";
import { GradeBadge } from "./grade-badge";
import type { GradeRow } from "./grades-client";
import { assessmentHref } from "./params";

type SortKey = "rank" | "unit" | "score" | "computed" | "final";

const compare: Record<SortKey, (a: GradeRow, b: GradeRow) => number> = {
  rank: (a, b) => (a.breakdown.quota?.rank ?? 0) - (b.breakdown.quota?.rank ?? 0),
  unit: (a, b) => a.unitName.localeCompare(b.unitName, "zh-CN"),
  score: (a, b) => a.score - b.score,
  computed: (a, b) => grades.indexOf(a.computed) - grades.indexOf(b.computed),
  final: (a, b) => grades.indexOf(a.effective) - grades.indexOf(b.effective),
};

/** The grades of the subtree, sortable by rank, unit, score, computed or final grade; a row opens its breakdown. */
export function GradesTable(props: {
  year: number;
  rows: GradeRow[];
  selected: number | null;
  onSelect: (unitId: number) => void;
  onSet: (row: GradeRow) => void;
}) {
  const t = useTranslations("assessmentGrades");
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: "rank", desc: false });
  const rows = [...props.rows].sort((a, b) => (sort.desc ? -1 : 1) * compare[sort.key](a, b) || a.unitId - b.unitId);
  const header = (key: SortKey, label: string) => (
    <TH scope="col" className="px-2 py-2" aria-sort={sort.key === key ? (sort.desc ? "descending" : "ascending") : "none"}>
      <button
        type="button"
        className="font-medium hover:underline"
        title={t("table.sortBy", { column: label })}
        onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : key === "score" }))}
      >
        {label}
        {sort.key === key ? (sort.desc ? " ▼" : " ▲") : ""}
      </button>
    </TH>
  );
  return (
    <div className="self-start overflow-x-auto rounded border border-neutral-200 bg-white">
      <Table data-testid="grades-table">
        <Caption className="sr-only">{t("table.caption", { year: props.year })}</Caption>
        <THead className="bg-neutral-50 text-left text-neutral-600">
          <TR>
            {header("rank", t("table.rank"))}
            {header("unit", t("table.unit"))}
            <TH scope="col" className="px-2 py-2 font-medium">
              {t("table.secretary")}
            </TH>
            {header("score", t("table.score"))}
            {header("computed", t("table.computed"))}
            <TH scope="col" className="px-2 py-2 font-medium">
              {t("table.proposed")}
            </TH>
            {header("final", t("table.final"))}
            <TH scope="col" className="px-2 py-2 font-medium">
              {t("table.vetoes")}
            </TH>
            <TH scope="col" className="px-2 py-2 font-medium">
              {t("table.reason")}
            </TH>
            <TH scope="col" className="px-2 py-2 font-medium">
              {t("table.actions")}
            </TH>
          </TR>
        </THead>
        <TBody>
          {rows.map((r) => (
            <TR
              key={r.unitId}
              data-testid={`grade-row-${r.unitId}`}
              className={cn("border-t border-neutral-100", props.selected === r.unitId && "bg-amber-50")}
              aria-selected={props.selected === r.unitId || undefined}
            >
              <TD className="px-2 py-1.5 tabular-nums">{r.breakdown.quota?.rank ?? "—"}</TD>
              <TD className="px-2 py-1.5">
                <Link
                  href={assessmentHref(`/assessment/units/${r.unitId}`, { year: props.year })}
                  className="text-party underline-offset-2 hover:underline"
                  title={t("table.openUnit", { unit: r.unitName })}
                >
                  {r.unitName}
                </Link>
              </TD>
              <TD className="px-2 py-1.5 whitespace-nowrap">
                {r.secretary ? (
                  <Link
                    href={`/officers/${r.secretary.officerId}`}
                    className="text-party underline-offset-2 hover:underline"
                    title={t("table.openRecord", { name: r.secretary.name })}
                  >
                    {r.secretary.name}
                  </Link>
                ) : (
                  <span className="text-neutral-400">{t("table.noSecretary")}</span>
                )}
              </TD>
              <TD className="px-2 py-1.5 tabular-nums">{r.score.toFixed(2)}</TD>
              <TD className="px-2 py-1.5">
                <GradeBadge grade={r.computed} />
                {r.preliminary ? (
                  <span className="ml-1 text-xs whitespace-nowrap text-amber-800" data-testid="grade-preliminary">
                    {t("table.preliminary")}
                  </span>
                ) : null}
                {r.breakdown.quota?.movedDown ? (
                  <span className="ml-1 text-xs text-neutral-500" title={t("table.movedDown")}>
                    ↓
                  </span>
                ) : null}
              </TD>
              {r.preliminary ? (
                <>
                  <TD className="px-2 py-1.5" />
                  <TD className="px-2 py-1.5 text-xs text-neutral-500">{t("table.hiddenUntilPublicity")}</TD>
                </>
              ) : (
                <>
                  <TD className="px-2 py-1.5">
                    <GradeBadge grade={r.proposed} />
                  </TD>
                  <TD className="px-2 py-1.5">
                    <GradeBadge grade={r.final} />
                  </TD>
                </>
              )}
              <TD className="px-2 py-1.5">
                <div className="flex flex-wrap gap-1">
                  {r.breakdown.vetoes.map((v) => (
                    <span key={v.code} className="rounded border border-red-300 bg-red-50 px-1 text-xs text-red-800">
                      {t(`vetoes.${v.code}`)}
                    </span>
                  ))}
                </div>
              </TD>
              <TD className="max-w-48 px-2 py-1.5 text-xs text-neutral-700">{r.reason ?? ""}</TD>
              <TD className="px-2 py-1.5 whitespace-nowrap">
                <Button type="button" variant="ghost" className="px-2 py-0.5 text-xs" onClick={() => props.onSelect(r.unitId)}>
                  {t("table.details")}
                </Button>
                {r.canSet ? (
                  <Button type="button" variant="secondary" className="ml-1 px-2 py-0.5 text-xs" onClick={() => props.onSet(r)}>
                    {t("table.set")}
                  </Button>
                ) : null}
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
