import "server-only";
import type { FlagKind } from "~/lib/codes";
import type { Db, Tx } from "~/db/client";
import type { Unit } from "~/db/schema";
import { badInput } from "~/server/errors";
import type { Actor } from "~/server/scope";
import { meetingFlags } from "~/server/services/meeting/flags";
import { quarterOfDate, todayInChina } from "~/server/services/meeting/schemas";
import { getSetting } from "~/server/services/settings/get";
import { assertReviewScope } from "./access";
import { candidatesAmong, overdueUnits, scoreRanks, scoresOf } from "./proposal-queries";
import { proposalLimits, reasonOrder, round1, type AgendaReason, type ProposedItem } from "./reasons";
import type { ProposeInput, ScoreInclusion } from "./schemas";
import { defaultInclusion } from "~/lib/status";
import { m } from "~/lib/server-message";

/** A meeting reviews a finished or running quarter, never one that has not begun. */
export function checkQuarterStarted(quarter: string, today = todayInChina()) {
  if (quarter > quarterOfDate(today)) throw badInput({ quarter: m("review.quarterHasNotStarted") });
}

/**
 * The proposed agenda of a subtree and quarter, for a root the caller has already checked:
 * the five lowest composites, the five widest 重业务轻党建 gaps, the five units with most
 * formalism flags, and every unit with overdue rectification items — merged per unit, ordered
 * by number of reasons then lowest score, at most 15.
 */
export async function proposeFor(
  db: Db | Tx,
  actor: Actor,
  root: Unit,
  quarter: string,
  opts: { include?: ScoreInclusion; today?: string } = {},
) {
  const include = opts.include ?? defaultInclusion;
  const today = opts.today ?? todayInChina();
  const [{ cutoff, rows: ranks }, overdue, flags] = await Promise.all([
    getSetting(db, "quadrantCutoff").then((cutoff) => scoreRanks(db, root, quarter, include, cutoff).then((rows) => ({ cutoff, rows }))),
    overdueUnits(db, root, today),
    meetingFlags({ db: db, actor }, { unitId: root.id, from: quarter, to: quarter }),
  ]);

  const items = new Map<number, ProposedItem>();
  const itemOf = (unitId: number, unitName: string) => {
    let item = items.get(unitId);
    if (!item) items.set(unitId, (item = { unitId, unitName, composite: null, business: null, reasons: [] }));
    return item;
  };
  const add = (unitId: number, unitName: string, reason: AgendaReason) => itemOf(unitId, unitName).reasons.push(reason);

  const meanComposite = ranks[0]?.mean_composite ?? null;
  const meanBusiness = ranks[0]?.mean_business ?? null;
  for (const r of ranks) {
    if (Number(r.low_rank) <= proposalLimits.perReason) {
      add(r.unit_id, r.name, {
        code: "low_score",
        evidence: { composite: round1(r.composite), rank: Number(r.low_rank), of: Number(r.scored) },
      });
    }
    if (r.gap_rank !== null && Number(r.gap_rank) <= proposalLimits.perReason && r.business !== null) {
      add(r.unit_id, r.name, {
        code: "business_over_party",
        evidence: {
          business: round1(r.business),
          composite: round1(r.composite),
          cutoff: cutoff.mode,
          meanBusiness: round1(r.mean_business ?? 0),
          meanComposite: round1(r.mean_composite ?? 0),
          gap: round1(r.business - r.composite),
        },
      });
    }
  }

  // Flags come from meetingFlags, the one place their rules live; a quarter of one subtree has
  // at most a few hundred, so they are counted here rather than re-deriving the rules in SQL.
  const perUnit = new Map<number, { name: string; total: number; kinds: Partial<Record<FlagKind, number>> }>();
  for (const f of flags) {
    const u = perUnit.get(f.unitId) ?? { name: f.unitName, total: 0, kinds: {} };
    u.total++;
    u.kinds[f.kind] = (u.kinds[f.kind] ?? 0) + 1;
    perUnit.set(f.unitId, u);
  }
  const eligible = await candidatesAmong(db, root, [...perUnit.keys()]);
  [...perUnit.entries()]
    .filter(([unitId]) => eligible.has(unitId))
    .sort((a, b) => b[1].total - a[1].total || a[0] - b[0])
    .slice(0, proposalLimits.perReason)
    .forEach(([unitId, u]) => add(unitId, u.name, { code: "formalism_flags", evidence: { total: u.total, kinds: u.kinds } }));

  for (const o of overdue) {
    add(o.unitId, o.name, {
      code: "overdue_rectification",
      evidence: { items: o.items, cases: o.cases, oldestDeadline: o.oldestDeadline },
    });
  }

  // Scores of every proposed unit, whichever rule brought it.
  const known = new Map<number, { composite: number | null; business: number | null }>(
    ranks.map((r) => [r.unit_id, { composite: r.composite, business: r.business }]),
  );
  const missing = [...items.keys()].filter((id) => !known.has(id));
  for (const [id, s] of await scoresOf(db, missing, quarter, include)) known.set(id, s);
  for (const item of items.values()) {
    const s = known.get(item.unitId);
    item.composite = s?.composite == null ? null : round1(s.composite);
    item.business = s?.business == null ? null : round1(s.business);
    item.reasons.sort((a, b) => reasonOrder[a.code] - reasonOrder[b.code]);
  }

  const agenda = [...items.values()]
    .sort((a, b) => b.reasons.length - a.reasons.length || (a.composite ?? Infinity) - (b.composite ?? Infinity) || a.unitId - b.unitId)
    .slice(0, proposalLimits.agenda);
  return {
    include,
    cutoff: cutoff.mode,
    meanComposite: meanComposite === null ? null : round1(meanComposite),
    meanBusiness: meanBusiness === null ? null : round1(meanBusiness),
    scoredUnits: Number(ranks[0]?.scored ?? 0),
    items: agenda,
  };
}

/** `review.propose`: the proposed agenda of a subtree and quarter, not saved. */
export async function proposeAgenda({ db, actor }: { db: Db; actor: Actor }, input: ProposeInput) {
  const root = await assertReviewScope(db, actor, input.unitId, "reviewRead");
  checkQuarterStarted(input.quarter);
  const proposal = await proposeFor(db, actor, root, input.quarter, { include: input.include });
  return { unitId: root.id, unitName: root.name, quarter: input.quarter, ...proposal };
}
