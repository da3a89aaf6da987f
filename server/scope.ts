import "server-only";
import { eq, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import {
  assessmentItems,
  cases,
  dutyReports,
  inspections,
  meetings,
  officers,
  rectificationItems,
  reports,
  reviewMeetings,
  units,
  type Role,
  type Unit,
} from "~/db/schema";
import { TRPCError } from "@trpc/server";
import { forbidden, notFound } from "./errors";
import { m } from "~/lib/server-message";
import { escapeLike } from "~/lib/like-pattern";

/** The signed-in user as every service sees them (loaded fresh from the database per request). */
export type Actor = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number;
  unitPath: string;
};

/** What a caller wants to do with a unit's data. */
export type Access =
  | "read" // see reports, scores, dashboards
  | "write" // enter the unit's own quarterly data
  | "approve" // approve / return reports
  | "case" // open and move accountability cases (reading them is plain "read")
  | "reviewRead" // see review meetings (问责审议) held on the unit's subtree
  | "review" // chair review meetings: convene, edit the agenda, present, record decisions (立案问责 opens the case), close
  | "assess"; // the level above's part of the annual assessment: 民主测评, 点评 and its items, final grades, accept/return duty reports

/** How far a role reaches from its own unit: the unit alone, its subtree, strictly below it, or everything. */
type Reach = "none" | "own" | "subtree" | "below" | "all";

/** The authorization policy (DESIGN.md "Who uses it"). The only place these decisions live. */
export const policy: Record<Role, Record<Access, Reach>> = {
  admin: { read: "all", write: "all", approve: "all", case: "all", reviewRead: "all", review: "all", assess: "all" },
  leader: { read: "subtree", write: "none", approve: "none", case: "none", reviewRead: "subtree", review: "subtree", assess: "below" },
  reviewer: {
    read: "subtree",
    write: "none",
    approve: "below",
    case: "subtree",
    reviewRead: "subtree",
    review: "subtree",
    assess: "below",
  },
  staff: { read: "own", write: "own", approve: "none", case: "none", reviewRead: "none", review: "none", assess: "none" },
};

export function canAccess(actor: Actor, unit: Pick<Unit, "id" | "path">, access: Access): boolean {
  switch (policy[actor.role][access]) {
    case "all":
      return true;
    case "own":
      return unit.id === actor.unitId;
    case "subtree":
      return unit.path.startsWith(actor.unitPath);
    case "below":
      return unit.path.startsWith(actor.unitPath) && unit.id !== actor.unitId;
    case "none":
      return false;
  }
}

/** Whole-system powers, outside the unit tree (系统管理). */
export type Capability =
  | "manageUnits" // create, rename, move, deactivate units
  | "manageUsers" // create users, reset passwords, deactivate, change role or unit
  | "manageCatalogue" // indicators, targets, weights
  | "manageSettings" // deadlines, meeting frequency rules
  | "viewAudit" // search the audit log
  | "grantLockException" // reopen an approved report
  | "manageAssessment"; // open and move the annual cycle and set its rules, keep the officers roster, enter outcomes (提拔/表彰/调整)

export const capabilities: Record<Role, readonly Capability[]> = {
  admin: ["manageUnits", "manageUsers", "manageCatalogue", "manageSettings", "viewAudit", "grantLockException", "manageAssessment"],
  leader: [],
  reviewer: [],
  staff: [],
};

export const hasCapability = (actor: Actor, capability: Capability) => capabilities[actor.role].includes(capability);

/** Throws FORBIDDEN unless the actor holds `capability`. */
export function assertCapability(actor: Actor, capability: Capability): void {
  if (!hasCapability(actor, capability)) throw forbidden(m("scope.adminOnly"));
}

/** Loads a unit and checks the actor may `access` it; throws NOT_FOUND / FORBIDDEN otherwise. */
export async function assertUnitInScope(db: Db | Tx, actor: Actor, unitId: number, access: Access): Promise<Unit> {
  const [unit] = await unitByIdQuery(db).execute({ unitId });
  if (!unit) throw notFound(m("scope.unitNotFound", { unitId }));
  if (!canAccess(actor, unit, access)) {
    throw forbidden(access === "read" || access === "reviewRead" ? m("scope.cannotReadUnit") : m("scope.cannotWriteUnit"));
  }
  return unit;
}

/** The unit read of every scoped call, built once per database or transaction (drizzle's prepared query). */
const unitById = new WeakMap<Db | Tx, ReturnType<typeof prepareUnitById>>();
const prepareUnitById = (db: Db | Tx) =>
  db
    .select()
    .from(units)
    .where(eq(units.id, sql.placeholder("unitId")))
    .limit(1)
    .prepare("unit_by_id");
function unitByIdQuery(db: Db | Tx) {
  let query = unitById.get(db);
  if (!query) unitById.set(db, (query = prepareUnitById(db)));
  return query;
}

/** The path at the top of what the actor may read (“/”: everything); queries filter with `reachSql` / `readableFromSql` below. */
export function readRootPath(actor: Actor): string {
  return policy[actor.role].read === "all" ? "/" : actor.unitPath;
}

export const readsOnlyOwnUnit = (actor: Actor) => policy[actor.role].read === "own";

/** Whether the role sees review meetings (问责审议) at all (staff do not). */
export const readsReviews = (actor: Actor) => policy[actor.role].reviewRead !== "none";

/** Whether the role may chair review meetings somewhere (convene, present, decide). */
export const chairsReviews = (actor: Actor) => policy[actor.role].review !== "none";

// ── Reach as SQL ──────────────────────────────────────────────────────────────────────────
// Every path filter of the app is written here, so no list, count or chart can forget one.
// `u` names the units table of the query: an alias in raw SQL (`"u"`), or drizzle's `units`
// (or any table with `id` and `path` columns) in the query builder.

/** A units table in a query: the alias of raw SQL, or the drizzle table. */
export type UnitsRef = string | { id: AnyColumn; path: AnyColumn };

const columnsOf = (u: UnitsRef) =>
  typeof u === "string"
    ? { id: sql`${sql.identifier(u)}.id`, path: sql`${sql.identifier(u)}.path` }
    : { id: sql`${u.id}`, path: sql`${u.path}` };

/** `%`, `_` and `\` are literal in a LIKE prefix (paths hold only digits and slashes; this keeps it so). */
const likePrefix = (path: string) => `${escapeLike(path)}%`;

/**
 * The units of `root`'s subtree, `root` included, as a SQL condition on `u` — no reach check:
 * for a root already checked, an admin's tool, or a tree-structure write (one prefix scan of units_path_idx).
 */
export function inSubtreeSql(u: UnitsRef, root: Pick<Unit, "path">): SQL {
  return sql`${columnsOf(u).path} like ${likePrefix(root.path)}`;
}

/** The units strictly below `root` (its subtree without it), as a SQL condition on `u`. */
export function belowSql(u: UnitsRef, root: Pick<Unit, "path">): SQL {
  return sql`${columnsOf(u).path} like ${`${likePrefix(root.path)}_%`}`;
}

/**
 * The facts of the units strictly below `root` (`belowSql`), as a condition on a fact table `f`
 * with `unit_id` and `region_id` — the unit's top-level branch, which rollup/refresh.ts keeps on
 * moves — read without the units table: for a tree's root, whose regions are its `children`
 * (their ids, written out so the planner sees how many facts they hold), or a region itself
 * (depth 1). Null deeper, where only the units' paths can tell.
 */
export function belowByRegionSql(f: string, root: Pick<Unit, "id" | "depth">, children: readonly number[]): SQL | null {
  const x = sql.identifier(f);
  if (root.depth === 0) {
    if (children.length === 0) return sql`false`;
    return sql`${x}.region_id in (${sql.join(
      children.map((id) => sql`${id}::int`),
      sql`, `,
    )})`;
  }
  if (root.depth === 1) return sql`(${x}.region_id = ${root.id} and ${x}.unit_id <> ${root.id})`;
  return null;
}

/** `u` is `unit` itself or one of its ancestors. */
export function ancestorOrSelfSql(u: UnitsRef, unit: Pick<Unit, "path">): SQL {
  return sql`${unit.path} like ${columnsOf(u).path} || '%'`;
}

/**
 * The units of `root`'s subtree — or `root` alone — as a SQL condition on `u`, for a root already
 * checked to be in the caller's scope (counts, completeness, charts).
 */
export function subtreeSql(u: UnitsRef, root: Pick<Unit, "id" | "path">, onlyRoot = false): SQL {
  return onlyRoot ? sql`${columnsOf(u).id} = ${root.id}` : inSubtreeSql(u, root);
}

/**
 * The units `actor` reads from `root`, a unit already checked readable (`assertUnitInScope(…, "read")`):
 * its subtree, or `root` alone for a role that reads only its own unit (staff) or when `onlyRoot`.
 */
export function readableFromSql(actor: Actor, root: Pick<Unit, "id" | "path">, u: UnitsRef = "u", onlyRoot = false): SQL {
  return subtreeSql(u, root, onlyRoot || readsOnlyOwnUnit(actor));
}

/** `canAccess` as a SQL condition on `u`, for scoped counts and lists. */
export function reachSql(actor: Actor, access: Access, u: UnitsRef): SQL {
  const { id } = columnsOf(u);
  const own = { path: actor.unitPath };
  switch (policy[actor.role][access]) {
    case "all":
      return sql`true`;
    case "own":
      return sql`${id} = ${actor.unitId}`;
    case "subtree":
      return inSubtreeSql(u, own);
    case "below":
      return sql`(${inSubtreeSql(u, own)} and ${id} <> ${actor.unitId})`;
    case "none":
      return sql`false`;
  }
}

// ── Records addressed by id ───────────────────────────────────────────────────────────────
// A record's very existence is private to those who may read its unit: an id outside the
// caller's reach answers exactly like an id that does not exist (same code, same message,
// same single query), so ids cannot be probed. Only a caller who may read the record is told
// FORBIDDEN when they may not do more with it.

const rowTables = {
  meeting: meetings,
  inspection: inspections,
  case: cases,
  review: reviewMeetings,
  report: reports,
  officer: officers, // a tenure (任职): its unit's data
  dutyReport: dutyReports,
  assessmentItem: assessmentItems, // an item of the superior's comment (点评整改事项)
} as const;
export type RowKind = keyof typeof rowTables | "caseItem";
type RowOf<K extends RowKind> = K extends keyof typeof rowTables
  ? (typeof rowTables)[K]["$inferSelect"]
  : typeof rectificationItems.$inferSelect;

const missing: Record<RowKind, (id: number) => string> = {
  meeting: (id) => m("scope.meetingNotFound", { id }),
  inspection: (id) => m("scope.inspectionNotFound", { id }),
  case: (id) => m("scope.caseNotFound", { id }),
  review: (id) => m("scope.reviewMeetingNotFound", { id }),
  report: (id) => m("scope.reportNotFound", { id }),
  caseItem: (id) => m("scope.itemNotFound", { id }),
  officer: (id) => m("scope.officerNotFound", { id }),
  dutyReport: (id) => m("scope.dutyReportNotFound", { id }),
  assessmentItem: (id) => m("scope.itemNotFound", { id }),
};

const refused: Record<RowKind, string> = {
  meeting: m("scope.cannotWriteMeeting"),
  inspection: m("scope.cannotWriteInspection"),
  case: m("scope.cannotHandleCase"),
  review: m("scope.cannotRunReview"),
  report: m("scope.cannotWriteReport"),
  caseItem: m("scope.cannotHandleCase"),
  officer: m("scope.cannotManageOfficer"),
  dutyReport: m("scope.cannotWriteDutyReport"),
  assessmentItem: m("scope.cannotAssess"),
};

/** What reading a record of each kind takes: a review meeting is read with "reviewRead" (never by staff), the rest with "read". */
const readAccess = (kind: RowKind): Access => (kind === "review" ? "reviewRead" : "read");

/** The “does not exist” answer for a record id, the same whether it is unknown or out of reach. */
export const recordNotFound = (kind: RowKind, id: number) => notFound(missing[kind](id));

/** Marks the NOT_FOUND of a record that exists out of the caller's reach: never sent, only audited (trpc.ts). */
export class OutOfReach extends Error {
  constructor(
    readonly kind: RowKind,
    readonly id: number,
  ) {
    super(`${kind} ${id} is out of reach`);
  }
}

/** A record and its unit, whoever may read it (one query); for a rectification item the unit is its case's. */
async function lookUp<K extends RowKind>(db: Db | Tx, kind: K, id: number): Promise<{ row: RowOf<K>; unit: Unit } | undefined> {
  if (kind === "caseItem") {
    const [found] = await db
      .select({ row: rectificationItems, unit: units })
      .from(rectificationItems)
      .innerJoin(cases, eq(cases.id, rectificationItems.caseId))
      .innerJoin(units, eq(units.id, cases.unitId))
      .where(eq(rectificationItems.id, id))
      .limit(1);
    return found as { row: RowOf<K>; unit: Unit } | undefined;
  }
  // Every row table has `id` and `unitId`; the cast only lets one query serve them all.
  const table = rowTables[kind as keyof typeof rowTables] as unknown as typeof meetings;
  const [found] = await db
    .select({ row: table, unit: units })
    .from(table)
    .innerJoin(units, eq(units.id, table.unitId))
    .where(eq(table.id, id))
    .limit(1);
  return found as { row: RowOf<K>; unit: Unit } | undefined;
}

/** A record and its unit if it exists and the actor may read its unit; null otherwise — one query either way. */
export async function findInScope<K extends RowKind>(
  db: Db | Tx,
  actor: Actor,
  kind: K,
  id: number,
): Promise<{ row: RowOf<K>; unit: Unit } | null> {
  const found = await lookUp(db, kind, id);
  return found && canAccess(actor, found.unit, readAccess(kind)) ? found : null;
}

/**
 * The one loader of records by id: NOT_FOUND when the record does not exist or the actor may
 * not read its unit (the same answer), FORBIDDEN when they may read it but not `access` it.
 */
export async function loadInScope<K extends RowKind>(
  db: Db | Tx,
  actor: Actor,
  kind: K,
  id: number,
  access: Access,
): Promise<{ row: RowOf<K>; unit: Unit }> {
  const found = await lookUp(db, kind, id);
  if (!found) throw recordNotFound(kind, id);
  // The caller hears exactly what an unknown id gets; the cause (never sent) lets the refusal be audited.
  if (!canAccess(actor, found.unit, readAccess(kind)))
    throw new TRPCError({ code: "NOT_FOUND", message: missing[kind](id), cause: new OutOfReach(kind, id) });
  if (!canAccess(actor, found.unit, access)) throw forbidden(refused[kind]);
  return found;
}
