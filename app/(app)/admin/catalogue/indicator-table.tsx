"use client";

import { useLocale, useTranslations } from "next-intl";
import { Fragment, useState } from "react";
import { Badge } from "~/app/_components/ui/badge";
import { Button } from "~/app/_components/ui/button";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { categoryColors } from "~/app/_lib/categories";
import { useQuarterLabel, type CatalogueCategory, type CatalogueIndicator } from "./use-catalogue";
import { fmtNumber, VersionHistory } from "./version-history";
import { Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";

export type IndicatorAction = "rules" | "texts" | "retire";
const COLUMNS = 9;

/** One category's indicators: current rules per row, history unfolding below it. */
export function IndicatorTable(props: {
  category: CatalogueCategory;
  indicators: CatalogueIndicator[];
  onAction: (action: IndicatorAction, indicator: CatalogueIndicator) => void;
}) {
  const t = useTranslations();
  const a = (key: string, values?: Record<string, string | number>) => t(`adminCatalogue.${key}`, values);
  const en = !useLocale().startsWith("zh");
  const quarterLabel = useQuarterLabel();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (code: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (!next.delete(code)) next.add(code);
      return next;
    });
  const code = props.category.code;

  return (
    <Card aria-labelledby={`cat-${code}`} data-testid={`category-${code}`}>
      <CardHeader
        title={t(`categories.${code}`)}
        actions={
          <span className="flex items-center gap-3 text-xs text-neutral-600">
            <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: categoryColors[code] }} />
            {a("categoryWeight", { weight: props.category.weight ?? "—" })}
            <span>{a("indicatorCount", { count: props.indicators.length })}</span>
          </span>
        }
      />
      <Table className="table-fixed">
        <colgroup>
          <col />
          <col className="w-24" />
          <col className="w-28" />
          <col className="w-16" />
          <col className="w-14" />
          <col className="w-12" />
          <col className="w-32" />
          <col className="w-36" />
          <col className="w-60" />
        </colgroup>
        <THead className="bg-neutral-50 text-left text-xs text-neutral-500">
          <TR>
            <TH className="py-1.5 pl-4 pr-2 font-normal">{a("columns.indicator")}</TH>
            <TH className="px-2 font-normal">{a("columns.kind")}</TH>
            <TH className="px-2 font-normal">{a("columns.direction")}</TH>
            <TH className="num px-2 font-normal">{a("columns.target")}</TH>
            <TH className="num px-2 font-normal">{a("columns.weight")}</TH>
            <TH className="px-2 font-normal">{a("columns.required")}</TH>
            <TH className="px-2 font-normal">{a("columns.validFrom")}</TH>
            <TH className="px-2 font-normal">{a("columns.status")}</TH>
            <TH className="py-1.5 pl-2 pr-4 text-right font-normal">{a("columns.actions")}</TH>
          </TR>
        </THead>
        <TBody>
          {props.indicators.map((ind) => {
            const rules = ind.current ?? ind.history[ind.history.length - 1] ?? null;
            const expanded = open.has(ind.code);
            return (
              <Fragment key={ind.code}>
                <TR className={`border-t border-neutral-100 align-top ${ind.retired ? "text-neutral-500" : ""}`} data-indicator={ind.code}>
                  <TD className="py-1.5 pl-4 pr-2">
                    <div className="font-medium">{en ? ind.nameEn : ind.nameZh}</div>
                    <div className="text-xs text-neutral-500">
                      <code>{ind.code}</code>
                      {ind.source !== "manual" ? <span className="ml-2 text-amber-700">{a(`sources.${ind.source}`)}</span> : null}
                    </div>
                  </TD>
                  <TD className="px-2 py-1.5">{a(`kinds.${ind.kind}`)}</TD>
                  <TD className="whitespace-nowrap px-2 py-1.5">{rules ? a(`directions.${rules.direction}`) : "—"}</TD>
                  <TD className="num px-2 py-1.5" data-testid="current-target">
                    {rules ? fmtNumber(rules.target) : "—"}
                  </TD>
                  <TD className="num px-2 py-1.5">{rules ? fmtNumber(rules.weight) : "—"}</TD>
                  <TD className="px-2 py-1.5">{rules?.required ? a("yes") : a("no")}</TD>
                  <TD className="px-2 py-1.5 text-neutral-600">{quarterLabel(rules?.validFrom ?? null)}</TD>
                  <TD className="px-2 py-1.5">
                    {ind.retired ? (
                      <Badge tone="warning">{a("status.retired")}</Badge>
                    ) : ind.retiredFrom ? (
                      <Badge tone="info">{a("status.retiring", { quarter: quarterLabel(ind.retiredFrom) })}</Badge>
                    ) : !ind.current && rules ? (
                      <Badge tone="info">{a("status.notYet", { quarter: quarterLabel(rules.validFrom) })}</Badge>
                    ) : (
                      <span className="text-xs text-neutral-600">{a("status.active")}</span>
                    )}
                  </TD>
                  <TD className="py-1 pl-2 pr-4 text-right whitespace-nowrap">
                    <Button
                      variant="ghost"
                      className="h-7 px-1.5 text-xs"
                      aria-expanded={expanded}
                      aria-controls={`history-row-${ind.code}`}
                      onClick={() => toggle(ind.code)}
                    >
                      {expanded ? a("actions.hideHistory") : a("actions.history", { count: ind.history.length })}
                    </Button>
                    <Button
                      variant="ghost"
                      className="h-7 px-1.5 text-xs"
                      disabled={ind.retired}
                      onClick={() => props.onAction("rules", ind)}
                    >
                      {a("actions.rules")}
                    </Button>
                    <Button variant="ghost" className="h-7 px-1.5 text-xs" onClick={() => props.onAction("texts", ind)}>
                      {a("actions.texts")}
                    </Button>
                    <Button variant="ghost" className="h-7 px-1.5 text-xs" onClick={() => props.onAction("retire", ind)}>
                      {ind.retiredFrom ? a("actions.unretire") : a("actions.retire")}
                    </Button>
                  </TD>
                </TR>
                {expanded ? (
                  <TR id={`history-row-${ind.code}`} className="bg-neutral-50">
                    <TD colSpan={COLUMNS} className="px-4 pb-2 pt-1">
                      <VersionHistory indicator={ind} />
                    </TD>
                  </TR>
                ) : null}
              </Fragment>
            );
          })}
        </TBody>
      </Table>
    </Card>
  );
}
