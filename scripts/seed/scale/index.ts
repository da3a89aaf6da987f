import { drizzle } from "drizzle-orm/postgres-js";
import type { Sql } from "postgres";
import type { Db } from "~/db/client";
import * as schema from "~/db/schema";
import { auditLog, caseEvents, cases, rectificationItems, users } from "~/db/schema";
import { hashPassword } from "~/server/auth/password";
import { lastQuarters, reportDeadline } from "~/lib/quarter";
import { settingDefinitions } from "~/server/services/settings/definitions";
import { ensureBaseCatalogue, starterIndicators } from "~/scripts/seed/catalogue";
import { DEMO_PASSWORD, demoUsers } from "~/scripts/seed/index";
import { meetingIndicatorValues } from "~/scripts/seed/meetings";
import { seedScaleAssessment } from "~/scripts/seed/scale/assessment";
import { withoutIndexes } from "~/scripts/seed/scale/bulk-load";
import { unitCase, type ScaleCase } from "~/scripts/seed/scale/cases";
import { CopySink } from "~/scripts/seed/scale/copy-sink";
import { unitHistory } from "~/scripts/seed/scale/history";
import { unitMeetings } from "~/scripts/seed/scale/meetings";
import { buildScaleTree, scaleStaffUnit } from "~/scripts/seed/scale/tree";

/** Meetings are generated for the newest quarters only (the flags and completion look at those). */
export const MEETING_QUARTERS = 4;

export type ScaleOptions = { units: number; quarters: number; now?: Date; log?: (line: string) => void };
export type ScaleResult = { counts: Record<string, number>; timings: Record<string, number>; rootId: number; staffUnitId: number };

/** The drizzle view of the seed's postgres.js client, as db/client.ts builds it. */
export const drizzleOf = (sql: Sql) => drizzle(sql, { schema, casing: "snake_case" }) as unknown as Db;

/**
 * The scale data set (issue #5): a realistic tree of `units` units with `quarters` quarters of
 * reports up to the default reporting quarter, the demo catalogue and accounts, meetings of
 * the newest quarters and some cases, officers and the last and current years' assessment cycles — streamed into an empty, migrated PostgreSQL with COPY.
 * The caller builds the rollups afterwards (server/services/rollup/rebuild.ts). `sql` needs a
 * pool of at least four connections (three COPY streams run side by side).
 */
export async function seedScale(sql: Sql, opts: ScaleOptions): Promise<ScaleResult> {
  const now = opts.now ?? new Date();
  const log = opts.log ?? (() => {});
  const db = drizzleOf(sql);
  const timings: Record<string, number> = {};
  const counts: Record<string, number> = {};
  const phase = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await fn();
    timings[name] = Math.round(performance.now() - started);
    log(`  ${name}: ${timings[name]} ms`);
    return result;
  };

  const [existing] = await sql<{ n: number }[]>`select count(*)::int as n from units`;
  if ((existing?.n ?? 0) > 0) throw new Error("数据库中已有单位数据，请加 --reset 重建（the database already holds units; pass --reset）");

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const tree = await phase("tree", async () => {
    await ensureBaseCatalogue(db);
    const tree = buildScaleTree(opts.units);
    const sink = await CopySink.open(sql, "units", [
      "id",
      "parent_id",
      "name",
      "type",
      "path",
      "depth",
      "member_count",
      "secretary_is_head",
      "full_time_staff",
    ]);
    for (const u of tree)
      await sink.push([u.id, u.parentId, u.name, u.type, u.path, u.depth, u.memberCount, u.secretaryIsHead, u.fullTimeStaff]);
    counts.units = await sink.close();
    await resetIdentity(sql, "units");
    return tree;
  });
  const root = tree[0]!;
  const staffUnit = scaleStaffUnit(tree);
  await db.insert(users).values(
    demoUsers.map((u) => ({
      username: u.username,
      displayName: u.displayName,
      passwordHash,
      role: u.role,
      unitId: u.atStaffUnit ? staffUnit.id : root.id,
    })),
  );
  const reviewerId = (await sql<{ id: number }[]>`select id from users where username = 'reviewer'`)[0]!.id;
  counts.users = demoUsers.length;

  const quarters = lastQuarters(opts.quarters, now);
  const meetingQuarters = quarters.slice(-MEETING_QUARTERS);
  const rules = settingDefinitions.meetingFrequencies.default;
  const deadlineDays = settingDefinitions.reportDeadlineDays.default;
  const scaleCases: ScaleCase[] = [];

  const { rebuildMs } = await withoutIndexes(sql, ["reports", "report_values", "meetings"], () =>
    phase("reports, values, meetings (generate + COPY)", async () => {
      const reportSink = await CopySink.open(sql, "reports", [
        "id",
        "unit_id",
        "quarter",
        "status",
        "version",
        "business_score",
        "note",
        "updated_at",
        "updated_by",
        "submitted_at",
        "late",
        "reviewed_at",
        "reviewed_by",
        "return_reason",
      ]);
      const valueSink = await CopySink.open(sql, "report_values", ["report_id", "indicator_code", "value"]);
      const meetingSink = await CopySink.open(sql, "meetings", [
        "id",
        "unit_id",
        "type",
        "date",
        "quarter",
        "expected",
        "present",
        "topic",
        "solicited_opinions",
        "critical_opinions",
        "self_criticisms",
        "mutual_criticisms",
        "rectification_items",
        "minutes",
        "minutes_fingerprint",
        "copy_bands",
        "copied_from_id",
        "copied_similarity",
        "quality_score",
        "created_at",
        "updated_at",
      ]);
      let reportId = 0;
      let meetingId = 0;
      let caseId = 0;
      for (const unit of tree) {
        const unitMeetingRows = unitMeetings(unit, meetingQuarters, () => ++meetingId);
        for (const m of unitMeetingRows) {
          const at = `${m.date}T10:00:00+08:00`;
          await meetingSink.push([
            m.id,
            m.unitId,
            m.type,
            m.date,
            m.quarter,
            m.expected,
            m.present,
            m.topic,
            m.solicitedOpinions,
            m.criticalOpinions,
            m.selfCriticisms,
            m.mutualCriticisms,
            m.rectificationItems,
            m.minutes,
            m.minutesFingerprint,
            `{${m.copyBands.join(",")}}`,
            m.copiedFromId,
            m.copiedSimilarity,
            m.qualityScore,
            at,
            at,
          ]);
        }
        const computed = meetingIndicatorValues([unit], meetingQuarters, unitMeetingRows, rules);
        for (const r of unitHistory(unit, quarters, starterIndicators, now)) {
          const id = ++reportId;
          const reviewed = r.status === "approved" || r.status === "returned";
          const late = r.submittedAt !== null && r.submittedAt > reportDeadline(r.quarter, deadlineDays);
          await reportSink.push([
            id,
            unit.id,
            r.quarter,
            r.status,
            r.version,
            r.businessScore,
            r.note,
            r.updatedAt.toISOString(),
            reviewed ? reviewerId : null,
            r.submittedAt?.toISOString() ?? null,
            late,
            reviewed ? r.updatedAt.toISOString() : null,
            reviewed ? reviewerId : null,
            r.returnReason,
          ]);
          // The meeting indicators of the quarters with meeting records are computed from them, as the app does.
          for (const [code, value] of Object.entries(computed.get(`${unit.id}:${r.quarter}`) ?? {})) {
            if (value === null) delete r.values[code];
            else r.values[code] = value;
          }
          for (const [code, value] of Object.entries(r.values)) await valueSink.push([id, code, value]);
        }
        const c = unitCase(unit, unitMeetingRows, now, () => ++caseId);
        if (c) scaleCases.push(c);
        if (unit.id % 10_000 === 0) log(`    … ${unit.id} / ${tree.length} units`);
      }
      counts.reports = await reportSink.close();
      counts.values = await valueSink.close();
      counts.meetings = await meetingSink.close();
    }),
  );
  timings["indexes + constraints rebuilt"] = Math.round(rebuildMs);
  log(`  indexes + constraints rebuilt: ${timings["indexes + constraints rebuilt"]} ms`);

  await phase("sequences, copied minutes, cases, audit", async () => {
    for (const t of ["reports", "meetings"] as const) await resetIdentity(sql, t);
    counts.cases = await insertCases(db, scaleCases, reviewerId);
    await resetIdentity(sql, "cases");
  });
  await phase("officers, ballots, assessment cycles (COPY)", async () => {
    Object.assign(counts, await seedScaleAssessment(sql, db, tree, now, reviewerId));
    await db
      .insert(auditLog)
      .values({ actorId: null, action: "seed.scale", entity: "system", after: { ...counts, quarters: quarters.length } });
  });
  await phase("analyze", () => sql`analyze`);
  return { counts, timings, rootId: root.id, staffUnitId: staffUnit.id };
}

async function resetIdentity(sql: Sql, table: "units" | "reports" | "meetings" | "cases") {
  await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql(table)}), 1))`;
}

async function insertCases(db: Db, rows: ScaleCase[], reviewerId: number): Promise<number> {
  const statusZh = {
    opened: "立案",
    investigating: "调查核实",
    decided: "作出问责决定",
    rectifying: "整改中",
    closed: "整改销号",
  } as const;
  for (let i = 0; i < rows.length; i += 1000) {
    const batch = rows.slice(i, i + 1000);
    await db.insert(cases).values(
      batch.map((c) => ({
        id: c.id,
        unitId: c.unitId,
        subject: c.kind.subject,
        category: c.kind.category,
        rootCause: c.kind.rootCause,
        form: c.kind.form,
        facts: c.kind.facts,
        status: c.status,
        sourceType: c.sourceMeetingId === null ? ("inspection" as const) : ("meeting" as const),
        sourceId: c.sourceMeetingId,
        quarter: c.quarter,
        version: c.steps.length,
        createdAt: c.openedAt,
        createdBy: reviewerId,
        updatedAt: c.steps.at(-1)!.at,
      })),
    );
    const events = batch.flatMap((c) =>
      c.steps.map((s, k) => ({
        caseId: c.id,
        at: s.at,
        actorId: reviewerId,
        fromStatus: k === 0 ? null : c.steps[k - 1]!.status,
        toStatus: s.status,
        comment: k === 0 ? "立案" : `转入“${statusZh[s.status]}”阶段`,
      })),
    );
    await db.insert(caseEvents).values(events);
    const items = batch.flatMap((c) =>
      c.items.map((it, k) => ({
        caseId: c.id,
        description: ["制定整改方案并报机关党委备案", "补开专题组织生活会", "开展党务干部专题培训"][k % 3]!,
        owner: ["支部书记", "组织委员", "宣传委员"][k % 3]!,
        deadline: it.deadline,
        doneAt: it.doneAt,
        doneBy: it.doneAt ? reviewerId : null,
      })),
    );
    if (items.length > 0) await db.insert(rectificationItems).values(items);
  }
  return rows.length;
}
