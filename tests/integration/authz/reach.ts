import type { Role, Unit } from "~/db/schema";
import type { Fixtures, Relation } from "./fixtures";

/**
 * The words of the authorization policy (./policy.ts): how far a role reaches, the named reaches
 * the table is written in, what a caller outside the reach gets, a rule's shape — and what the
 * table therefore expects of one call (`expectedOutcome`), which the matrix and the file-route
 * tests compare the server's answers with.
 */

export type Reach =
  | "all" // any unit
  | "subtree" // own unit and everything below it
  | "below" // strictly below the own unit (reviewers approve their subordinates, not themselves)
  | "own" // the own unit only
  | "none"; // never

export type RoleReach = Record<Role, Reach>;

/** 查看: reports, scores, dashboards, meetings, cases, inspections of a unit. */
export const READ: RoleReach = { admin: "all", leader: "subtree", reviewer: "subtree", staff: "own" };
/** 填报: a unit's own quarterly report and meeting records. */
export const WRITE: RoleReach = { admin: "all", leader: "none", reviewer: "none", staff: "own" };
/** 审核: approve or return a submitted report. */
export const APPROVE: RoleReach = { admin: "all", leader: "none", reviewer: "below", staff: "none" };
/** 问责: open and move accountability cases, record 一岗双责 inspections. */
export const CASE: RoleReach = { admin: "all", leader: "none", reviewer: "subtree", staff: "none" };
/** 问责审议: read like any unit data, but never by data-entry staff. */
export const REVIEW_READ: RoleReach = { ...READ, staff: "none" };
/** 主持问责审议: convene, edit the agenda, present, decide (立案问责 opens the case), close — leaders chair too. */
export const REVIEW: RoleReach = { admin: "all", leader: "subtree", reviewer: "subtree", staff: "none" };
/** 年度考核 by the level above: 民主测评, 点评, final grades, accepting duty reports — never the unit itself. */
export const ASSESS: RoleReach = { admin: "all", leader: "below", reviewer: "below", staff: "none" };
/** 权重模拟: comparing the units of a subtree — never for staff, who read one unit. */
export const SIMULATE: RoleReach = { ...READ, staff: "none" };
/** 系统管理: admin only, whichever unit the input names (units, users, catalogue, settings, audit, 解锁). */
export const ADMIN: RoleReach = { admin: "all", leader: "none", reviewer: "none", staff: "none" };
/** Any signed-in user: their own profile, the indicator catalogue, their to-do list. */
export const EVERYONE: RoleReach = { admin: "all", leader: "all", reviewer: "all", staff: "all" };

/**
 * What a caller outside the reach gets:
 * - FORBIDDEN: the unit (or record) is named, the caller may not act on it;
 * - PRIVATE: a record addressed by its id — NOT_FOUND when the caller may not even read its
 *   unit (existence is private), FORBIDDEN when they may read it but not change it;
 * - HIDDEN: a record addressed by its id that only some roles see at all — NOT_FOUND for anyone
 *   outside the reach, exactly like an unknown id (review meetings: staff never learn one exists);
 * - ROW_REFUSED: an uploaded file — the row's 单位编号 cell is refused (“无权导入…”), so
 *   spreadsheet.import answers BAD_REQUEST and writes nothing, and spreadsheet.preview lists the error.
 */
export type Refusal = "FORBIDDEN" | "PRIVATE" | "HIDDEN" | "ROW_REFUSED";

/** The outcome of one call as the matrix compares it: "ok", a TRPCError code, or ROW_REFUSED. */
export type Outcome = string;

export type Rule = {
  /** `unit`: asked about each of the five units; `system`: no unit in the input, asked once per role. */
  about: "unit" | "system";
  reach: RoleReach;
  refusal: Refusal;
  /** A valid call about `unit` (for `system` rules the caller's own unit, usually ignored). */
  input: (unit: Unit, fx: Fixtures) => unknown;
  /** Maps a call's result or error to an outcome where the default (ok / error code) is not enough. */
  judge?: (result: { ok: true; value: unknown } | { ok: false; error: unknown }) => Outcome | undefined;
};

/** Whether `reach` (of a caller at branchA) covers the unit at `relation`. */
export function inReach(reach: Reach, relation: Relation): boolean {
  switch (reach) {
    case "all":
      return true;
    case "subtree":
      return relation === "own" || relation === "child";
    case "below":
      return relation === "child";
    case "own":
      return relation === "own";
    case "none":
      return false;
  }
}

/** What the table says a `role` at branchA gets when calling the procedure about the unit at `relation`. */
export function expectedOutcome(rule: Rule, role: Role, relation: Relation): Outcome {
  if (inReach(rule.reach[role], relation)) return "ok";
  if (rule.refusal === "PRIVATE") return inReach(READ[role], relation) ? "FORBIDDEN" : "NOT_FOUND";
  if (rule.refusal === "HIDDEN") return "NOT_FOUND";
  return rule.refusal;
}

/** Outcomes that mean “refused for who you are”; anything else means the authorization check was passed. */
export const refusals = new Set(["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "ROW_REFUSED"]);
