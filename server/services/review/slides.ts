import "server-only";
import { sql } from "drizzle-orm";
import { itemOverdueSql } from "~/lib/rectification";
import { categoryCodes, type CaseForm, type CaseStatus, type CaseSubject, type CategoryCode, type FlagKind } from "~/lib/codes";
import { queryRows, type Db } from "~/db/client";
import type { Unit } from "~/db/schema";
import { addQuarters, quarterRange } from "~/lib/quarter";
import type { Actor } from "~/server/scope";
import { meetingFlags } from "~/server/services/meeting/flags";
import { countedStatusSql } from "~/lib/status-sql";
import { round1 } from "./reasons";

/** Quarters of the trend on a slide: the meeting's and the seven before it. */
export const TREND_QUARTERS = 8;

type ScoreStatus = "submitted" | "approved";
export type SlideScore = { score: number; status: ScoreStatus } | null;
export type SlideCase = {
  id: number;
  subject: CaseSubject;
  category: CategoryCode;
  form: CaseForm;
  status: CaseStatus;
  quarter: string;
  openItems: number;
  overdueItems: number;
};
export type Slide = {
  trend: { quarter: string; composite: number | null; status: ScoreStatus | null }[];
  composite: SlideScore;
  business: SlideScore;
  categories: Record<CategoryCode, SlideScore>;
  flags: { kind: FlagKind; count: number }[];
  flagDetails: { kind: FlagKind; date: string | null; meetingType: string | null }[];
  cases: SlideCase[];
};

const idList = (ids: number[]) =>
  sql.join(
    ids.map((id) => sql`${id}::int`),
    sql`, `,
  );

/**
 * What each unit's slide shows, for all units of a meeting at once: the composite over the
 * last eight quarters up to the meeting's, the business and six category scores of its quarter
 * (scores of submitted reports are marked, since the meeting may look at them before approval),
 * its formalism flags that quarter and its open cases with overdue items (Beijing today).
 */
export async function slidesFor(db: Db, actor: Actor, root: Unit, quarter: string, unitIds: number[], today: string) {
  const out = new Map<number, Slide>();
  if (unitIds.length === 0) return out;
  const quarters = quarterRange(addQuarters(quarter, -(TREND_QUARTERS - 1)), quarter);
  const ids = idList(unitIds);
  const [scores, caseRows, flags] = await Promise.all([
    queryRows<{ unit_id: number; quarter: string; series: string; status: ScoreStatus; score: number }>(
      db,
      sql`select unit_id, quarter, series, status, score from unit_scores
          where unit_id in (${ids}) and quarter between ${quarters[0]!} and ${quarter} and ${countedStatusSql("status", "submitted")}
            and (series = 'composite' or quarter = ${quarter})`,
    ),
    queryRows<{
      unit_id: number;
      id: number;
      subject: CaseSubject;
      category: CategoryCode;
      form: CaseForm;
      status: CaseStatus;
      quarter: string;
      open_items: number | string;
      overdue_items: number | string;
    }>(
      db,
      sql`select c.unit_id, c.id, c.subject, c.category, c.form, c.status, c.quarter,
                 count(ri.id) filter (where ri.done_at is null) as open_items,
                 count(ri.id) filter (where ${itemOverdueSql("ri", today)}) as overdue_items
          from cases c left join rectification_items ri on ri.case_id = c.id
          where c.unit_id in (${ids}) and c.status <> 'closed'
          group by c.id order by c.created_at desc, c.id desc`,
    ),
    meetingFlags({ db, actor }, { unitId: root.id, from: quarter, to: quarter }),
  ]);

  for (const unitId of unitIds) {
    out.set(unitId, {
      trend: quarters.map((q) => ({ quarter: q, composite: null, status: null })),
      composite: null,
      business: null,
      categories: Object.fromEntries(categoryCodes.map((c) => [c, null])) as Record<CategoryCode, SlideScore>,
      flags: [],
      flagDetails: [],
      cases: [],
    });
  }
  for (const s of scores) {
    const slide = out.get(Number(s.unit_id));
    if (!slide) continue;
    const value = { score: round1(Number(s.score)), status: s.status };
    if (s.series === "composite") {
      const point = slide.trend.find((p) => p.quarter === s.quarter);
      if (point) Object.assign(point, { composite: value.score, status: s.status });
      if (s.quarter === quarter) slide.composite = value;
    } else if (s.series === "business") slide.business = value;
    else if ((categoryCodes as readonly string[]).includes(s.series)) slide.categories[s.series as CategoryCode] = value;
  }
  for (const c of caseRows) {
    out.get(Number(c.unit_id))?.cases.push({
      id: Number(c.id),
      subject: c.subject,
      category: c.category,
      form: c.form,
      status: c.status,
      quarter: c.quarter,
      openItems: Number(c.open_items),
      overdueItems: Number(c.overdue_items),
    });
  }
  for (const f of flags) {
    const slide = out.get(f.unitId);
    if (!slide) continue;
    const k = slide.flags.find((x) => x.kind === f.kind);
    if (k) k.count++;
    else slide.flags.push({ kind: f.kind, count: 1 });
    slide.flagDetails.push({ kind: f.kind, date: f.date, meetingType: f.meetingType });
  }
  return out;
}
