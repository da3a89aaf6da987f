import { and, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { cases, inspections, meetings, reports, reviewMeetings, settings, type Unit, type UnitType } from "~/db/schema";
import { starterIndicators } from "~/scripts/seed/catalogue";
import type { Actor } from "~/server/scope";
import { callerFor, createActor, createUnit, type createTree } from "../../factories";
import { meetingInput } from "../meeting-fixtures";
import { workbook } from "../spreadsheet-fixtures";

/**
 * Records the authorization matrix and the fuzzer call procedures about, made through the
 * services by an admin at the root. Each procedure asks for its own (`key`), so one procedure's
 * successful call never changes another's fixture; `fresh*` helpers make a new record per call
 * where a success would otherwise make the next allowed call look refused (a deleted meeting
 * is NOT_FOUND).
 */

export type Tree = Awaited<ReturnType<typeof createTree>>;

/** Where the matrix's callers sit (branchA) and the five units they are asked about. */
export const relations = ["own", "child", "parent", "sibling", "other"] as const;
export type Relation = (typeof relations)[number];

export function unitOf(tree: Tree, relation: Relation): Unit {
  return { own: tree.branchA, child: tree.leafA1, parent: tree.root, sibling: tree.branchB, other: tree.leafB1 }[relation];
}

/** Quarters and dates the fixtures use, apart from one another so a lock in one cannot refuse another. */
export const Q = {
  read: "2024Q1", // report.get, dashboards
  save: "2024Q2", // report.save
  submit: "2024Q3", // complete drafts
  approve: "2024Q4", // submitted reports
  return: "2025Q1", // submitted reports
  reopen: "2025Q2", // approved reports
  review: "2025Q3", // review meetings
  sheet: "2023Q4", // spreadsheet rows
  meetings: "2023Q2", // meeting dates below
  rules: "2026Q4", // catalogue changes (after every approved quarter)
} as const;
export const meetingDate = "2023-05-10";

/** Required typed-in values, enough to submit (values of `source: "meetings"` are computed). */
const requiredValues = starterIndicators
  .filter((i) => i.required && i.source === "manual")
  .map((i) => ({ indicatorCode: i.code, value: i.kind === "boolean" ? 1 : i.target }));

export class Fixtures {
  private memo = new Map<string, Promise<unknown>>();
  private seq = 0;
  readonly admin: ReturnType<typeof callerFor>;

  private constructor(
    readonly db: Db,
    readonly tree: Tree,
    readonly adminActor: Actor,
  ) {
    this.admin = callerFor(db, adminActor);
  }

  static async create(db: Db, tree: Tree) {
    return new Fixtures(db, tree, await createActor(db, "admin", tree.root));
  }

  /** A number unique in this database, for names and codes. */
  next(): number {
    return ++this.seq;
  }

  /** Makes a fixture once per key (the promise is shared, so concurrent callers wait for the same one). */
  once<T>(key: string, make: () => Promise<T>): Promise<T> {
    if (!this.memo.has(key)) this.memo.set(key, make());
    return this.memo.get(key) as Promise<T>;
  }

  // ── reports ──────────────────────────────────────────────────────────────────────────

  /** The unit's report of `quarter` brought to `state` (a complete draft first). */
  report(unit: Unit, quarter: string, state: "draft" | "submitted" | "approved") {
    return this.once(`report:${unit.id}:${quarter}`, async () => {
      const key = { unitId: unit.id, quarter };
      await this.admin.report.save({ ...key, version: 0, businessScore: 80, values: requiredValues });
      if (state !== "draft") await this.admin.report.submit(key);
      if (state === "approved") await this.admin.report.approve(key);
      return key;
    });
  }

  async reportVersion(unitId: number, quarter: string): Promise<number> {
    const [row] = await this.db
      .select({ version: reports.version })
      .from(reports)
      .where(and(eq(reports.unitId, unitId), eq(reports.quarter, quarter)));
    return row?.version ?? 0;
  }

  // ── meetings ─────────────────────────────────────────────────────────────────────────

  meeting(unit: Unit, key: string) {
    return this.once(`meeting:${key}:${unit.id}`, () => this.freshMeeting(unit));
  }

  freshMeeting(unit: Unit) {
    return this.admin.meeting.create(meetingInput(unit.id, { date: meetingDate, topic: `授权测试会议 ${this.next()}` }));
  }

  async meetingVersion(id: number) {
    const [row] = await this.db.select({ version: meetings.version }).from(meetings).where(eq(meetings.id, id));
    return row!.version;
  }

  // ── cases and 一岗双责 inspections ────────────────────────────────────────────────────

  case(unit: Unit, key: string) {
    return this.once(`case:${key}:${unit.id}`, () =>
      this.admin.case.create({
        unitId: unit.id,
        subject: "organisation",
        category: "inner_life",
        rootCause: "misperception",
        form: "inspection",
        facts: "组织生活会流于形式，未开展批评与自我批评。",
      }),
    );
  }

  async caseVersion(id: number) {
    const [row] = await this.db.select({ version: cases.version }).from(cases).where(eq(cases.id, id));
    return row!.version;
  }

  /** An open rectification item of a case of the unit. */
  item(unit: Unit, key: string) {
    return this.once(`item:${key}:${unit.id}`, async () => {
      const { id: caseId } = await this.case(unit, `item-${key}`);
      return this.admin.case.addItem({ caseId, description: "补开组织生活会", owner: "支部书记", deadline: "2026-12-31" });
    });
  }

  inspection(unit: Unit, key: string) {
    return this.once(`inspection:${key}:${unit.id}`, () =>
      this.admin.inspection.create({ unitId: unit.id, inspectedOn: "2025-08-01", subject: "secretary", result: "pass" }),
    );
  }

  async inspectionVersion(id: number) {
    const [row] = await this.db.select({ version: inspections.version }).from(inspections).where(eq(inspections.id, id));
    return row!.version;
  }

  // ── review meetings (问责审议会) ──────────────────────────────────────────────────────

  /** A review meeting on the unit's subtree with the unit itself on the agenda, brought to `state`. */
  review(unit: Unit, key: string, state: "planned" | "running" | "decided") {
    return this.once(`review:${key}:${unit.id}`, async () => {
      const { id } = await this.admin.review.create({
        unitId: unit.id,
        quarter: Q.review,
        title: `授权测试审议会 ${this.next()}`,
        unitIds: [unit.id],
      });
      if (state !== "planned") await this.admin.review.start({ id });
      if (state === "decided") await this.admin.review.decide({ id, unitId: unit.id, decision: "talk", note: "约谈提醒" });
      return { id };
    });
  }

  async reviewVersion(id: number) {
    const [row] = await this.db.select({ version: reviewMeetings.version }).from(reviewMeetings).where(eq(reviewMeetings.id, id));
    return row!.version;
  }

  // ── administration ───────────────────────────────────────────────────────────────────

  /** A staff account at the unit, for the user administration procedures. */
  user(unit: Unit, key: string) {
    return this.once(`user:${key}:${unit.id}`, () => createActor(this.db, "staff", unit));
  }

  /** A fresh unit below `unit` (nothing else depends on it, so an admin may move it). */
  freshUnit(parent: Unit, type: UnitType = "branch") {
    return createUnit(this.db, { name: `授权测试单位 ${this.next()}`, parent, type });
  }

  /** A typed-in indicator of this test's own, so catalogue changes touch no starter indicator. */
  indicator() {
    return this.once("indicator", async () => {
      const code = `AZ_probe_${this.next()}`;
      await this.admin.catalogue.createIndicator({
        code,
        categoryCode: "methods",
        kind: "count",
        validFrom: Q.rules,
        direction: "higher",
        target: 1,
        weight: 1,
        required: false,
        nameZh: "授权测试指标",
        nameEn: "Authorization probe",
        unitZh: "次",
        unitEn: "times",
        helpZh: "",
        helpEn: "",
      });
      return code;
    });
  }

  async settingVersion(key: string) {
    const [row] = await this.db.select({ version: settings.version }).from(settings).where(eq(settings.key, key));
    return row?.version ?? 0;
  }

  /** An Excel file with one 指标 row of the unit (the same file each time: a second import changes nothing). */
  sheet(unit: Unit) {
    return this.once(`sheet:${unit.id}`, () => workbook([[unit.id, Q.sheet, "V2_volunteer_rate", 60]]));
  }
}
