import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "~/db/schema";
import type { Actor } from "~/server/scope";
import { callerFor, createActor } from "../../factories";
import { useTreeDb } from "../test-db";
import { outcomeOf } from "../trpc-expect";
import { callProcedure, outcomeOfCall, procedureNames } from "./call";
import { Fixtures, relations, unitOf, type Relation } from "./fixtures";
import { policyTable } from "./policy";
import { expectedOutcome, refusals } from "./reach";

/**
 * The authorization matrix (issue #7.1): every procedure of the app router × every role (a
 * user sitting at branchA) × the units own / child / parent / sibling / other branch, compared
 * with the declared table in ./policy.ts.
 *
 * A call the table allows passes when it is not refused for who the caller is: "ok", or a
 * refusal about the data rather than the caller (PRECONDITION_FAILED for a report already
 * submitted, CONFLICT for a stale version, BAD_REQUEST). Fixtures are shared per procedure and
 * unit, so the first allowed caller may move a report on and the next one finds it moved;
 * the roles run least privileged first so that the narrowest allowed role is the one that
 * succeeds. Each procedure must still succeed at least once, which proves its input builder
 * makes valid calls. A refused call must give exactly the table's code.
 *
 * AUTHZ_DEBUG=1 prints every call's expected and actual outcome.
 */

const t = useTreeDb();
let fx: Fixtures;
const roles: Role[] = ["staff", "leader", "reviewer", "admin"];
const actors = {} as Record<Role, Actor>;

beforeAll(async () => {
  fx = await Fixtures.create(t.db, t.tree);
  for (const role of roles) actors[role] = await createActor(t.db, role, t.tree.branchA);
});

const describeError = (called: Awaited<ReturnType<typeof callProcedure>>) =>
  called.ok ? "" : ` (${(called.error as Error).message?.slice(0, 160)})`;

describe("the policy table", () => {
  it("has a rule for every procedure of the app router, and none for procedures that do not exist", () => {
    const names = procedureNames();
    const missing = names.filter((p) => !(p in policyTable));
    const stale = Object.keys(policyTable).filter((p) => !names.includes(p));
    expect(missing, `procedures without a policy in tests/integration/authz/policy.ts: ${missing.join(", ")}`).toEqual([]);
    expect(stale, `policies of procedures that no longer exist: ${stale.join(", ")}`).toEqual([]);
  });
});

describe.each(procedureNames())("%s", (path) => {
  it("gives every role and unit the outcome the policy table declares", async () => {
    const rule = policyTable[path];
    expect(rule, `${path} has no rule in the policy table`).toBeDefined();
    const mismatches: string[] = [];
    let succeeded = 0;
    for (const role of roles) {
      const targets: readonly Relation[] = rule!.about === "unit" ? relations : ["own"];
      for (const relation of targets) {
        const input = await rule!.input(unitOf(t.tree, relation), fx);
        const called = await callProcedure(t.db, actors[role], path, input);
        const actual = outcomeOfCall(called, rule);
        const expected = expectedOutcome(rule!, role, relation);
        const passed =
          expected === "ok" ? !refusals.has(actual) && actual !== "INTERNAL_SERVER_ERROR" && actual !== "THROWN" : actual === expected;
        if (!passed) mismatches.push(`${role} → ${relation}: expected ${expected}, got ${actual}${describeError(called)}`);
        if (actual === "ok") succeeded++;
        if (process.env.AUTHZ_DEBUG) console.log(`${path} ${role} ${relation} exp=${expected} got=${actual}${describeError(called)}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(succeeded, "no allowed call succeeded: the policy table's input builder is wrong").toBeGreaterThan(0);
  });
});

describe("anonymous callers", () => {
  it("get UNAUTHORIZED from every procedure", async () => {
    const wrong: string[] = [];
    for (const path of procedureNames()) {
      const rule = policyTable[path];
      const input = rule ? await rule.input(t.tree.branchA, fx) : undefined;
      const actual = outcomeOfCall(await callProcedure(t.db, null, path, input));
      if (actual !== "UNAUTHORIZED") wrong.push(`${path}: ${actual}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe("unknown units", () => {
  it("answer NOT_FOUND, even to an admin", async () => {
    const admin = callerFor(t.db, actors.admin);
    expect(await outcomeOf(admin.report.get({ unitId: 999_999, quarter: "2026Q1" }))).toBe("NOT_FOUND");
    expect(await outcomeOf(admin.report.save({ unitId: 999_999, quarter: "2026Q1", version: 0, values: [] }))).toBe("NOT_FOUND");
    expect(await outcomeOf(admin.dashboard.overview({ unitId: 999_999, from: "2026Q1", to: "2026Q2" }))).toBe("NOT_FOUND");
  });
});
