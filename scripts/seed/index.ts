import { count, eq, max, sql } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import { advisoryLocks } from "~/db/locks";
import { rebuildRollups } from "~/server/services/rollup/rebuild";
import { auditLog, categories, meetings, reports, reportValues, units, users } from "~/db/schema";
import type { Role } from "~/db/schema";
import { hashPassword } from "~/server/auth/password";
import { ensureBaseCatalogue, starterIndicators } from "~/scripts/seed/catalogue";
import { seedCases } from "~/scripts/seed/cases";
import { seedInspections } from "~/scripts/seed/inspections";
import { seedReviewMeetings } from "~/scripts/seed/review-meetings";
import { seedOfficers } from "~/scripts/seed/officers";
import { seedAssessment } from "~/scripts/seed/assessment";
import { freezeGrades } from "~/server/services/assessment/freeze";
import { buildDemoTree, demoStaffUnitName } from "~/scripts/seed/demo-tree";
import { generateHistory, HISTORY_QUARTERS } from "~/scripts/seed/history";
import { allCommonClauses, rebuildCopyCorpus } from "~/server/services/copy-check/corpus";
import { bandAllInTx } from "~/server/services/copy-check/backfill";
import { generateMeetings, meetingIndicatorValues, type DemoMeeting } from "~/scripts/seed/meetings";
import { fingerprintSimilarity, isCopied } from "~/lib/text-similarity";
import { lastQuarters, reportDeadline } from "~/lib/quarter";
import { flagRules } from "~/server/services/meeting/flags";
import { settingDefinitions } from "~/server/services/settings/definitions";
import { rebuildCountRollups } from "~/server/services/rollup/tree-counts";

/** Every demo account's password (development seed only; shown in the README). */
export const DEMO_PASSWORD = "demo1234";

export const demoUsers: { username: string; displayName: string; role: Role; atStaffUnit: boolean }[] = [
  { username: "admin", displayName: "张志远", role: "admin", atStaffUnit: false },
  { username: "leader", displayName: "李卫东", role: "leader", atStaffUnit: false },
  { username: "reviewer", displayName: "陈晓梅", role: "reviewer", atStaffUnit: false },
  { username: "staff", displayName: "刘思琪", role: "staff", atStaffUnit: true },
];

const BATCH = 1000; // rows per INSERT statement

function chunks<T>(rows: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

async function alreadySeeded(db: Db | Tx): Promise<boolean> {
  const [cats] = await db.select({ n: count() }).from(categories);
  if (!cats || cats.n === 0) return false;
  const admin = await db.select({ id: users.id }).from(users).where(eq(users.username, "admin")).limit(1);
  return admin.length > 0;
}

async function resetSequence(db: Db | Tx, table: "units" | "reports"): Promise<void> {
  await db.execute(sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.identifier(table)}), 1))`);
}

/**
 * The stored copied-minutes match (server/services/meeting/copied-match.ts) of the meetings
 * the generator copied on purpose, `[copy, source]` by id, kept where the app's copy detection
 * (lib/text-similarity) sees a copy: one statement. The app probes for a meeting's best match
 * on every write, needless here, so other (accidental) matches are not stored.
 */
async function storeCopiedMatches(
  tx: Tx,
  common: ReadonlySet<string>,
  pairs: readonly { copy: DemoMeeting; copyId: number; source: DemoMeeting; sourceId: number }[],
) {
  const kept = pairs
    .filter((p) => p.copy.minutes.length >= flagRules.minMinutesChars && p.source.minutes.length >= flagRules.minMinutesChars)
    .map((p) => ({ ...p, similarity: fingerprintSimilarity(p.copy.minutesFingerprint, p.source.minutesFingerprint, common) }))
    .filter((p) => isCopied(p.similarity));
  if (kept.length === 0) return;
  const values = sql.join(
    kept.map((p) => sql`(${p.copyId}::int, ${p.sourceId}::int, ${p.similarity}::float8)`),
    sql`, `,
  );
  await tx.execute(sql`update meetings c set copied_from_id = p.source_id, copied_similarity = p.similarity
      from (values ${values}) as p(copy_id, source_id, similarity) where c.id = p.copy_id`);
}

/**
 * Seeds the demo data set (DESIGN.md, last paragraph): the starter catalogue, a 53-unit
 * organisation tree, the four demo accounts and eight quarters of report history and meetings. Idempotent:
 * when the catalogue and the `admin` user already exist it changes nothing.
 */
export async function seedDemo(db: Db, opts: { now?: Date } = {}): Promise<{ created: boolean }> {
  if (await alreadySeeded(db)) return { created: false };
  const now = opts.now ?? new Date();
  const passwordHash = await hashPassword(DEMO_PASSWORD); // once, outside the transaction

  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${advisoryLocks.seed})`);
    if (await alreadySeeded(tx)) return { created: false };

    await ensureBaseCatalogue(tx);

    // The tree, with explicit ids after any existing units; then move the identity on.
    const [unitMax] = await tx.select({ id: max(units.id) }).from(units);
    const tree = buildDemoTree((unitMax?.id ?? 0) + 1);
    for (const batch of chunks(tree)) {
      await tx.insert(units).values(
        batch.map((u) => ({
          id: u.id,
          parentId: u.parentId,
          name: u.name,
          type: u.type,
          path: u.path,
          depth: u.depth,
          memberCount: u.memberCount,
          secretaryIsHead: u.secretaryIsHead,
          fullTimeStaff: u.fullTimeStaff,
        })),
      );
    }
    await resetSequence(tx, "units");

    const root = tree[0];
    const staffUnit = tree.find((u) => u.name === demoStaffUnitName);
    if (!root || !staffUnit) throw new Error("demo tree lacks its root or the staff unit");
    await tx
      .insert(users)
      .values(
        demoUsers.map((u) => ({
          username: u.username,
          displayName: u.displayName,
          passwordHash,
          role: u.role,
          unitId: u.atStaffUnit ? staffUnit.id : root.id,
        })),
      )
      .onConflictDoNothing({ target: users.username }); // never clobber an existing account
    const [reviewer] = await tx.select({ id: users.id }).from(users).where(eq(users.username, "reviewer"));
    const [admin] = await tx.select({ id: users.id }).from(users).where(eq(users.username, "admin"));

    // Eight quarters of history, with explicit report ids so the values need no round trip.
    const history = generateHistory(tree, starterIndicators, now);
    // Meeting records, and the reports' computed inner_life values made consistent with them.
    const quarters = lastQuarters(HISTORY_QUARTERS, now);
    const { meetings: meetingRows, copies } = generateMeetings(tree, quarters);
    const computed = meetingIndicatorValues(tree, quarters, meetingRows, settingDefinitions.meetingFrequencies.default);
    for (const r of history) {
      for (const [code, value] of Object.entries(computed.get(`${r.unitId}:${r.quarter}`) ?? {})) {
        if (value === null) delete r.values[code];
        else r.values[code] = value;
      }
    }
    const meetingIds: number[] = [];
    for (const batch of chunks(meetingRows, 500)) {
      // Bands follow below, once the corpus of common clauses knows every meeting.
      const inserted = await tx
        .insert(meetings)
        .values(batch.map((m) => ({ ...m, copyBands: null })))
        .returning({ id: meetings.id });
      meetingIds.push(...inserted.map((m) => m.id));
    }
    await rebuildCopyCorpus(tx);
    await bandAllInTx(tx);
    await storeCopiedMatches(
      tx,
      await allCommonClauses(tx),
      copies.map((c) => ({
        copy: meetingRows[c.copy]!,
        copyId: meetingIds[c.copy]!,
        source: meetingRows[c.source]!,
        sourceId: meetingIds[c.source]!,
      })),
    );
    const [reportMax] = await tx.select({ id: max(reports.id) }).from(reports);
    const firstReportId = (reportMax?.id ?? 0) + 1;
    const reportRows = history.map((r, i) => ({
      id: firstReportId + i,
      unitId: r.unitId,
      quarter: r.quarter,
      status: r.status,
      version: r.version,
      businessScore: r.businessScore,
      note: r.note,
      updatedAt: r.updatedAt,
      updatedBy: r.status === "approved" ? (reviewer?.id ?? null) : null,
      submittedAt: r.submittedAt,
      // Marked as the app marks it, against the default deadline (15 days after quarter end).
      late: r.submittedAt !== null && r.submittedAt > reportDeadline(r.quarter, settingDefinitions.reportDeadlineDays.default),
      reviewedAt: r.status === "approved" ? r.updatedAt : null,
      reviewedBy: r.status === "approved" ? (reviewer?.id ?? null) : null,
    }));
    for (const batch of chunks(reportRows)) await tx.insert(reports).values(batch);
    await resetSequence(tx, "reports");

    const valueRows = history.flatMap((r, i) =>
      Object.entries(r.values).map(([indicatorCode, value]) => ({ reportId: firstReportId + i, indicatorCode, value })),
    );
    for (const batch of chunks(valueRows)) await tx.insert(reportValues).values(batch);

    await seedCases(tx, tree, meetingRows, meetingIds, reviewer?.id ?? null, now);
    await seedInspections(tx, tree, staffUnit.id, reviewer?.id ?? null, now);
    // The dashboards read the analytics tables: build them from the seeded reports.
    await rebuildRollups(tx);
    await seedReviewMeetings(tx, reviewer?.id ?? null, now);
    // The annual assessment: the roster (linking the secretary's inspections and cases), then the
    // last finished year (final) and the current one (open). The last year's grades are frozen
    // right after seedAssessment, as the cycle's move to 公示 does (freezeGrades, the grades work).
    const officerRoster = await seedOfficers(tx, tree, now);
    const { lastYear } = await seedAssessment(tx, {
      tree,
      officers: officerRoster,
      staffUnitId: staffUnit.id,
      adminId: admin?.id ?? null,
      reviewerId: reviewer?.id ?? null,
      now,
    });
    await freezeGrades(tx, lastYear, null);
    // The case and meeting-quality rollups, once every case and meeting is in.
    await rebuildCountRollups(tx);

    await tx.insert(auditLog).values({
      actorId: null,
      action: "seed.demo",
      entity: "system",
      after: {
        units: tree.length,
        users: demoUsers.length,
        reports: reportRows.length,
        values: valueRows.length,
        meetings: meetingRows.length,
      },
    });
    return { created: true };
  });
}
