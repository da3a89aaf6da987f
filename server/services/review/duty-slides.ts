import "server-only";
import { sql } from "drizzle-orm";
import { inArray } from "drizzle-orm";
import { queryRows, type Db } from "~/db/client";
import { officers, type Unit } from "~/db/schema";
import type { DutyReportStatus, FlagKind, Grade } from "~/lib/codes";
import { makeQuarter } from "~/lib/quarter";
import { countedStatusSql } from "~/lib/status-sql";
import { canAccess, type Actor } from "~/server/scope";
import { loadCycle } from "~/server/services/assessment/cycle-load";
import { submittedLate } from "~/server/services/assessment/duty-late";
import { gradeTable, gradeVisibleTo } from "~/server/services/assessment/grade-list";
import { meetingFlags } from "~/server/services/meeting/flags";
import { round1 } from "./reasons";

type ScoreStatus = "submitted" | "approved";
type Num = number | string;

/** One of last year's comment items (上年点评整改事项) and how this year's duty report answered it (null: not answered). */
export type DutySlideItem = {
  id: number;
  content: string;
  deadline: string;
  answer: { done: boolean; evidence: string } | null;
};

/** What a secretary's slide at a 述职评议会 shows, beside the agenda item. */
export type DutySlide = {
  secretary: { officerId: number; name: string; fullTime: boolean; concurrentHead: boolean } | null;
  /** The year's four quarters: Party building (composite) and business (业务考核得分); submitted scores are marked. */
  trend: { quarter: string; composite: number | null; business: number | null; status: ScoreStatus | null }[];
  flags: { kind: FlagKind; count: number }[];
  lastYearItems: DutySlideItem[];
  dutyReport: {
    status: DutyReportStatus;
    submittedAt: Date | null;
    /** Submitted after the cycle's duty-report deadline (逾期). */
    late: boolean;
    /** 雷同: the best copied-text match, its unit named only when the reader may read it. */
    copied: { similarity: number; unitName: string | null; year: number } | null;
  } | null;
  appraisal: { voters: number; good: number; fairlyGood: number; average: number; poor: number } | null;
  comment: string | null;
  /** The grade as the grades page shows it (computed live while open or rating, frozen after); the proposal of this meeting. */
  grade: { computed: Grade; score: number; proposed: Grade | null; final: Grade | null; preliminary: boolean } | null;
};

const officersOf = (db: Db, ids: number[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .select({ id: officers.id, fullTime: officers.fullTime, concurrentHead: officers.concurrentHead })
        .from(officers)
        .where(inArray(officers.id, ids));

const idList = (ids: number[]) =>
  sql.join(
    ids.map((id) => sql`${id}::int`),
    sql`, `,
  );

/**
 * The slides of a 述职评议会, for all its units at once (one query per part): the secretary
 * graded and the grade (the grades page's `gradeTable`), the year's quarterly trends, the
 * year's formalism flags (meetingFlags, the one home of their rules), last year's comment
 * items with this year's answers, the duty report (status, 逾期 by `submittedLate`, 雷同), the
 * appraisal and the comment.
 */
export async function dutySlidesFor(db: Db, actor: Actor, root: Unit, year: number, unitIds: number[]) {
  const out = new Map<number, DutySlide>();
  if (unitIds.length === 0) return out;
  const ids = idList(unitIds);
  const quarters = [1, 2, 3, 4].map((q) => makeQuarter(year, q));
  const cycle = await loadCycle(db, year);
  const [grades, scores, flags, items, reports, appraisals, comments] = await Promise.all([
    // Grades as the grades page has them: computed over the whole cycle (quotas) while open or rating, frozen after.
    gradeTable(db, cycle, sql`u.id in (${ids})`),
    queryRows<{ unit_id: number; quarter: string; series: string; status: ScoreStatus; score: number }>(
      db,
      sql`select unit_id, quarter, series, status, score from unit_scores
           where unit_id in (${ids}) and quarter between ${quarters[0]!} and ${quarters[3]!}
             and series in ('composite', 'business') and ${countedStatusSql("status", "submitted")}`,
    ),
    meetingFlags({ db, actor }, { unitId: root.id, from: quarters[0]!, to: quarters[3]! }),
    queryRows<{ unit_id: number; id: number; content: string; deadline: string; done: boolean | null; evidence: string | null }>(
      db,
      sql`select i.unit_id, i.id, i.content, i.deadline::text as deadline, a.done, a.evidence
            from assessment_items i
            left join duty_reports r on r.unit_id = i.unit_id and r.year = ${year}
            left join duty_report_answers a on a.duty_report_id = r.id and a.item_id = i.id
           where i.unit_id in (${ids}) and i.year = ${year - 1}
           order by i.unit_id, i.position, i.id`,
    ),
    queryRows<{
      unit_id: number;
      status: DutyReportStatus;
      submitted_at: Date | string | null;
      similarity: number | null;
      other_unit_id: number | null;
      other_unit_name: string | null;
      other_unit_path: string | null;
      other_year: number | null;
    }>(
      db,
      sql`select r.unit_id, r.status, r.submitted_at, r.copied_similarity as similarity, o.unit_id as other_unit_id, ou.name as other_unit_name,
                 ou.path as other_unit_path, o.year as other_year
            from duty_reports r
            left join duty_reports o on o.id = r.copied_from_id
            left join units ou on ou.id = o.unit_id
           where r.unit_id in (${ids}) and r.year = ${year}`,
    ),
    queryRows<{ unit_id: number; voters: Num; good: Num; fairly_good: Num; average: Num; poor: Num }>(
      db,
      sql`select unit_id, voters, good, fairly_good, average, poor from appraisals where unit_id in (${ids}) and year = ${year}`,
    ),
    queryRows<{ unit_id: number; text: string }>(
      db,
      sql`select unit_id, text from assessment_comments where unit_id in (${ids}) and year = ${year}`,
    ),
  ]);

  for (const unitId of unitIds) {
    out.set(unitId, {
      secretary: null,
      trend: quarters.map((quarter) => ({ quarter, composite: null, business: null, status: null })),
      flags: [],
      lastYearItems: [],
      dutyReport: null,
      appraisal: null,
      comment: null,
      grade: null,
    });
  }
  const slide = (unitId: number | string) => out.get(Number(unitId));
  // The secretary graded (grade-compute.ts: in post at the year's end, or the last one in it), with the tenure's 专职/一肩挑.
  const tenures = new Map(
    (
      await officersOf(
        db,
        grades.rows.flatMap((g) => (g.secretary ? [g.secretary.officerId] : [])),
      )
    ).map((o) => [o.id, o]),
  );
  for (const row of grades.rows) {
    const x = slide(row.unitId);
    if (!x) continue;
    const g = gradeVisibleTo(actor, cycle.status, row);
    x.grade = { computed: g.computed, score: round1(g.score), proposed: g.proposed, final: g.final, preliminary: g.preliminary };
    const tenure = g.secretary ? tenures.get(g.secretary.officerId) : undefined;
    if (g.secretary && tenure) {
      x.secretary = { officerId: tenure.id, name: g.secretary.name, fullTime: tenure.fullTime, concurrentHead: tenure.concurrentHead };
    }
  }
  for (const s of scores) {
    const point = slide(s.unit_id)?.trend.find((p) => p.quarter === s.quarter);
    if (!point) continue;
    if (s.series === "composite") Object.assign(point, { composite: round1(Number(s.score)), status: s.status });
    else point.business = round1(Number(s.score));
  }
  for (const f of flags) {
    const x = slide(f.unitId);
    if (!x) continue;
    const k = x.flags.find((y) => y.kind === f.kind);
    if (k) k.count++;
    else x.flags.push({ kind: f.kind, count: 1 });
  }
  for (const i of items) {
    slide(i.unit_id)?.lastYearItems.push({
      id: Number(i.id),
      content: i.content,
      deadline: i.deadline,
      answer: i.done === null ? null : { done: i.done, evidence: i.evidence ?? "" },
    });
  }
  for (const r of reports) {
    const x = slide(r.unit_id);
    if (!x) continue;
    const otherReadable =
      r.other_unit_id !== null &&
      r.other_unit_path !== null &&
      canAccess(actor, { id: Number(r.other_unit_id), path: r.other_unit_path }, "read");
    x.dutyReport = {
      status: r.status,
      submittedAt: r.submitted_at === null ? null : new Date(r.submitted_at),
      late: submittedLate(r.submitted_at === null ? null : new Date(r.submitted_at), cycle.rules.dutyReportDeadline),
      copied:
        r.similarity === null || r.other_year === null
          ? null
          : { similarity: Number(r.similarity), unitName: otherReadable ? r.other_unit_name : null, year: Number(r.other_year) },
    };
  }
  for (const a of appraisals) {
    const x = slide(a.unit_id);
    if (x)
      x.appraisal = {
        voters: Number(a.voters),
        good: Number(a.good),
        fairlyGood: Number(a.fairly_good),
        average: Number(a.average),
        poor: Number(a.poor),
      };
  }
  for (const c of comments) {
    const x = slide(c.unit_id);
    if (x) x.comment = c.text;
  }
  return out;
}
