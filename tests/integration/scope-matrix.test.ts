import { describe, expect, it } from "vitest";
import type { Role } from "~/db/schema";
import { callerFor, createActor } from "../factories";
import { useTreeDb } from "./test-db";
import { outcomeOf } from "./trpc-expect";

/**
 * Authorization matrix for report.get / report.save / dashboard.overview: a user of each
 * role sits at branchA and is asked about its own unit, a child (leafA1), the parent (root),
 * a sibling (branchB) and a unit in another branch (leafB1).
 */
type Relation = "own" | "child" | "parent" | "sibling" | "other";
type Outcome = "ok" | "FORBIDDEN";

const expected: Record<Role, Record<"read" | "write", Record<Relation, Outcome>>> = {
  admin: {
    read: { own: "ok", child: "ok", parent: "ok", sibling: "ok", other: "ok" },
    write: { own: "ok", child: "ok", parent: "ok", sibling: "ok", other: "ok" },
  },
  leader: {
    read: { own: "ok", child: "ok", parent: "FORBIDDEN", sibling: "FORBIDDEN", other: "FORBIDDEN" },
    write: { own: "FORBIDDEN", child: "FORBIDDEN", parent: "FORBIDDEN", sibling: "FORBIDDEN", other: "FORBIDDEN" },
  },
  reviewer: {
    read: { own: "ok", child: "ok", parent: "FORBIDDEN", sibling: "FORBIDDEN", other: "FORBIDDEN" },
    write: { own: "FORBIDDEN", child: "FORBIDDEN", parent: "FORBIDDEN", sibling: "FORBIDDEN", other: "FORBIDDEN" },
  },
  staff: {
    read: { own: "ok", child: "FORBIDDEN", parent: "FORBIDDEN", sibling: "FORBIDDEN", other: "FORBIDDEN" },
    write: { own: "ok", child: "FORBIDDEN", parent: "FORBIDDEN", sibling: "FORBIDDEN", other: "FORBIDDEN" },
  },
};

const t = useTreeDb();

const unitsByRelation = () =>
  ({ own: t.tree.branchA, child: t.tree.leafA1, parent: t.tree.root, sibling: t.tree.branchB, other: t.tree.leafB1 }) as const;


const roles: Role[] = ["admin", "leader", "reviewer", "staff"];
const relations: Relation[] = ["own", "child", "parent", "sibling", "other"];

describe.each(roles)("%s", (role) => {
  it.each(relations)("report.get and report.save on the %s unit follow the policy", async (relation) => {
    const caller = callerFor(t.db, await createActor(t.db, role, t.tree.branchA));
    const unit = unitsByRelation()[relation];
    const quarter = `2020Q${relations.indexOf(relation) % 4 + 1}`;

    expect(await outcomeOf(caller.report.get({ unitId: unit.id, quarter }))).toBe(expected[role].read[relation]);
    const current = await caller.report.get({ unitId: unit.id, quarter }).catch(() => ({ version: 0 }));
    expect(
      await outcomeOf(
        caller.report.save({ unitId: unit.id, quarter, version: current.version, values: [{ indicatorCode: "V1_attendance_rate", value: 50 }] }),
      ),
    ).toBe(expected[role].write[relation]);
    // The overview follows read access too.
    expect(await outcomeOf(caller.dashboard.overview({ unitId: unit.id, from: "2020Q1", to: "2020Q4" }))).toBe(
      expected[role].read[relation],
    );
  });
});

describe("unknown units", () => {
  it("answers NOT_FOUND for a unit id that does not exist", async () => {
    const caller = callerFor(t.db, await createActor(t.db, "admin", t.tree.root));
    expect(await outcomeOf(caller.report.get({ unitId: 999_999, quarter: "2026Q1" }))).toBe("NOT_FOUND");
  });
});
