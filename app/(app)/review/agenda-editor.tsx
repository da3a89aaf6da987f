"use client";

import { useTranslations } from "next-intl";
import { Link } from "~/app/_components/ui/link";
import { useEffect, useState } from "react";
import { Badge } from "~/app/_components/ui/badge";
import { Button } from "~/app/_components/ui/button";
import { Select } from "~/app/_components/ui/select";
import { formatScore } from "~/app/_lib/categories";
import { useLazyMutation } from "~/app/_lib/trpc/use-lazy-mutation";
import type { Grade, ReviewDecision } from "~/lib/codes";
import type { AgendaReason } from "~/app/_lib/api-types";
import { ReasonList } from "./reason-text";
import { decisionTone, gradeTone } from "./tones";
import { UnitTreeOptions } from "~/app/_components/unit-tree-options";
import { Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";

export type AgendaRow = {
  unitId: number;
  unitName: string;
  composite: number | null;
  reasons: AgendaReason[];
  addedByChair: boolean;
  decision?: ReviewDecision | null;
  caseId?: number | null;
  /** 述职评议会: the secretary in post (null: none) and the grade the meeting proposed. */
  secretary?: string | null;
  grade?: Grade | null;
};

const smallButton = "h-7 px-2 text-xs";

/**
 * The agenda as a table. With `onChange` the chair reorders (上移 / 下移, plain buttons, so the
 * keyboard works), drops and adds units of the subtree; rows for which `locked` is true (already
 * decided) cannot be dropped. `restore` gives a unit's proposed row back when it is re-added.
 * `duty`: the agenda of a 述职评议会 — each unit's secretary instead of its score and reasons,
 * the proposed grade instead of the decision.
 */
export function AgendaEditor(props: {
  rows: AgendaRow[];
  rootId: number;
  onChange?: (rows: AgendaRow[]) => void;
  restore?: (unitId: number) => AgendaRow | undefined;
  locked?: (row: AgendaRow) => boolean;
  showDecision?: boolean;
  duty?: boolean;
}) {
  const t = useTranslations();
  const editable = props.onChange !== undefined;
  // The subtree to add from is read once the page is shown (the tRPC client loads then, not with the page).
  const tree = useLazyMutation((api, rootId: number) => api.unit.tree.query({ rootId }));
  const loadTree = tree.mutate;
  useEffect(() => {
    if (editable) loadTree(props.rootId);
  }, [editable, loadTree, props.rootId]);
  const [adding, setAdding] = useState("");
  const { rows, onChange } = props;
  const move = (i: number, by: -1 | 1) => {
    const next = [...rows];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    onChange?.(next);
  };
  // The whole subtree stays listed, so every unit sits under its own parent; those already on the agenda cannot be chosen.
  const onAgenda = (u: { id: number }) => rows.some((r) => r.unitId === u.id);
  const add = () => {
    const unit = (tree.data ?? []).find((u) => u.id === Number(adding) && !onAgenda(u));
    if (!unit) return;
    const restored = props.restore?.(unit.id);
    onChange?.([
      ...rows,
      restored ?? { unitId: unit.id, unitName: unit.name, composite: null, reasons: [], addedByChair: true, secretary: null },
    ]);
    setAdding("");
  };

  return (
    <div>
      {rows.length === 0 ? (
        <p className="px-4 py-3 text-sm text-neutral-500">{t("review.agenda.empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <Table data-testid="agenda-table">
            <THead className="bg-neutral-50 text-left text-xs text-neutral-600">
              <TR>
                <TH scope="col" className="num w-12 px-3 py-2 font-medium">
                  {t("review.agenda.position")}
                </TH>
                <TH scope="col" className="px-3 py-2 font-medium">
                  {t("review.agenda.unit")}
                </TH>
                {props.duty ? (
                  <TH scope="col" className="px-3 py-2 font-medium">
                    {t("dutyReview.agenda.secretary")}
                  </TH>
                ) : (
                  <>
                    <TH scope="col" className="num px-3 py-2 font-medium">
                      {t("review.agenda.score")}
                    </TH>
                    <TH scope="col" className="px-3 py-2 font-medium">
                      {t("review.agenda.reasons")}
                    </TH>
                  </>
                )}
                {props.showDecision ? (
                  <TH scope="col" className="px-3 py-2 font-medium">
                    {props.duty ? t("dutyReview.agenda.grade") : t("review.agenda.decision")}
                  </TH>
                ) : null}
                {editable ? <TH scope="col" className="px-3 py-2" /> : null}
              </TR>
            </THead>
            <TBody className="divide-y divide-neutral-100">
              {rows.map((r, i) => (
                <TR key={r.unitId} data-unit={r.unitId} className="align-top">
                  <TD className="num px-3 py-2">{i + 1}</TD>
                  <TD className="px-3 py-2 font-medium">{r.unitName}</TD>
                  {props.duty ? (
                    <TD className="px-3 py-2">
                      {r.secretary ?? <span className="text-neutral-500">{t("dutyReview.agenda.noSecretary")}</span>}
                    </TD>
                  ) : (
                    <>
                      <TD className="num px-3 py-2">{formatScore(r.composite)}</TD>
                      <TD className="px-3 py-2 text-xs">
                        <ReasonList reasons={r.reasons} addedByChair={r.addedByChair} />
                      </TD>
                    </>
                  )}
                  {props.showDecision && props.duty ? (
                    <TD className="whitespace-nowrap px-3 py-2">
                      {r.grade ? (
                        <Badge tone={gradeTone[r.grade]}>{t(`grades.${r.grade}`)}</Badge>
                      ) : (
                        <span className="text-neutral-500">{t("dutyReview.agenda.ungraded")}</span>
                      )}
                    </TD>
                  ) : props.showDecision ? (
                    <TD className="whitespace-nowrap px-3 py-2">
                      {r.decision ? (
                        <Badge tone={decisionTone[r.decision]}>{t(`review.decisions.${r.decision}`)}</Badge>
                      ) : (
                        <span className="text-neutral-500">{t("review.agenda.undecided")}</span>
                      )}
                      {r.caseId ? (
                        <Link className="ml-2 text-xs text-party hover:underline" href={`/cases/${r.caseId}`}>
                          {t("review.agenda.case", { id: r.caseId })}
                        </Link>
                      ) : null}
                    </TD>
                  ) : null}
                  {editable ? (
                    <TD className="whitespace-nowrap px-3 py-1.5 text-right">
                      <Button
                        type="button"
                        variant="ghost"
                        className={smallButton}
                        disabled={i === 0}
                        aria-label={t("review.agenda.moveUpUnit", { unit: r.unitName })}
                        onClick={() => move(i, -1)}
                      >
                        ↑ {t("review.agenda.moveUp")}
                      </Button>
                      <Button
                        type="button"
                        variant="ghost"
                        className={smallButton}
                        disabled={i === rows.length - 1}
                        aria-label={t("review.agenda.moveDownUnit", { unit: r.unitName })}
                        onClick={() => move(i, 1)}
                      >
                        ↓ {t("review.agenda.moveDown")}
                      </Button>
                      <Button
                        type="button"
                        variant="ghost"
                        className={smallButton}
                        disabled={props.locked?.(r) ?? false}
                        aria-label={t("review.agenda.dropUnit", { unit: r.unitName })}
                        onClick={() => onChange?.(rows.filter((x) => x.unitId !== r.unitId))}
                      >
                        × {t("review.agenda.drop")}
                      </Button>
                    </TD>
                  ) : null}
                </TR>
              ))}
            </TBody>
          </Table>
        </div>
      )}
      {editable ? (
        <div className="flex flex-wrap items-end gap-2 border-t border-neutral-100 px-3 py-2">
          <label className="text-sm">
            <span className="mb-1 block text-neutral-600">{t("review.agenda.add")}</span>
            <Select className="min-w-72" value={adding} onChange={(e) => setAdding(e.target.value)}>
              <option value="">{t("review.agenda.addPlaceholder")}</option>
              <UnitTreeOptions units={tree.data} topDepth={tree.data?.[0]?.depth} disabled={onAgenda} />
            </Select>
          </label>
          <Button type="button" variant="secondary" disabled={!adding} onClick={add}>
            {t("review.agenda.addButton")}
          </Button>
          {tree.error ? (
            <p role="alert" className="self-center text-xs text-red-700">
              {t("common.error", { message: tree.error.message })}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
