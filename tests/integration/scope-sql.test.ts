import { asc, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "~/db/client";
import { reviewMeetings, units, type Role, type Unit } from "~/db/schema";
import { roles } from "~/lib/codes";
import {
  ancestorOrSelfSql,
  belowByRegionSql,
  belowSql,
  canAccess,
  inSubtreeSql,
  loadInScope,
  policy,
  reachSql,
  readableFromSql,
  subtreeSql,
  type Access,
  type Actor,
} from "~/server/scope";
import { regionOf } from "~/server/services/rollup/facts";
import { createActor } from "../factories";
import { useTreeDb } from "./test-db";
import { trpcError } from "./trpc-expect";

/**
 * The reach helpers of server/scope.ts, the only place path filters are written: each SQL
 * condition selects exactly the units `canAccess` allows, in the raw-SQL form (an alias) and
 * the drizzle form (the units table or an alias of it), for every role sitting at branchA —
 * its own unit, a child, its parent, a sibling and a unit of another branch.
 */
const t = useTreeDb();
let all: Unit[];
const actors = {} as Record<Role, Actor>;

beforeAll(async () => {
  all = await t.db.select().from(units).orderBy(asc(units.id));
  for (const role of roles) actors[role] = await createActor(t.db, role, t.tree.branchA);
});

/** The ids of the units matched by a condition, once through raw SQL (alias "u"), once through drizzle. */
async function idsOf(condition: (u: "u" | typeof units) => SQL): Promise<number[]> {
  const raw = await queryRows<{ id: number }>(t.db, sql`select u.id from units u where ${condition("u")} order by u.id`);
  const built = await t.db.select({ id: units.id }).from(units).where(condition(units)).orderBy(asc(units.id));
  const ids = raw.map((r) => Number(r.id));
  expect(built.map((r) => r.id)).toEqual(ids);
  return ids;
}

const accesses = Object.keys(policy.admin) as Access[];

describe("reachSql: canAccess as SQL", () => {
  it.each(roles.flatMap((role) => accesses.map((access) => [role, access] as const)))("%s, %s", async (role, access) => {
    const actor = actors[role];
    const expected = all.filter((u) => canAccess(actor, u, access)).map((u) => u.id);
    expect(await idsOf((u) => reachSql(actor, access, u))).toEqual(expected);
  });

  it("at branchA: own unit, child, parent, sibling, another branch", async () => {
    const { root, branchA, leafA1, leafA2, branchB, leafB1 } = t.tree;
    const read = (role: Role) => idsOf((u) => reachSql(actors[role], "read", u));
    expect(await read("admin")).toEqual([root, branchA, leafA1, leafA2, branchB, leafB1].map((u) => u.id));
    expect(await read("leader")).toEqual([branchA, leafA1, leafA2].map((u) => u.id));
    expect(await read("reviewer")).toEqual([branchA, leafA1, leafA2].map((u) => u.id));
    expect(await read("staff")).toEqual([branchA.id]);
    expect(await idsOf((u) => reachSql(actors.reviewer, "approve", u))).toEqual([leafA1.id, leafA2.id]);
    expect(await idsOf((u) => reachSql(actors.staff, "reviewRead", u))).toEqual([]);
  });
});

describe("readableFromSql: what a reader sees from a root already checked", () => {
  it("the root's subtree, or the root alone for staff", async () => {
    const { branchA, leafA1, leafA2 } = t.tree;
    for (const role of ["admin", "leader", "reviewer"] as const) {
      expect(await idsOf((u) => readableFromSql(actors[role], branchA, u))).toEqual([branchA.id, leafA1.id, leafA2.id]);
      expect(await idsOf((u) => readableFromSql(actors[role], leafA1, u))).toEqual([leafA1.id]);
      expect(await idsOf((u) => readableFromSql(actors[role], branchA, u, true))).toEqual([branchA.id]);
    }
    expect(await idsOf((u) => readableFromSql(actors.staff, branchA, u))).toEqual([branchA.id]);
  });

  it("stays inside what canAccess allows, for every readable root", async () => {
    for (const role of roles) {
      const actor = actors[role];
      for (const root of all.filter((u) => canAccess(actor, u, "read"))) {
        const ids = await idsOf((u) => readableFromSql(actor, root, u));
        expect(ids).toContain(root.id);
        expect(all.filter((u) => ids.includes(u.id)).every((u) => canAccess(actor, u, "read"))).toBe(true);
      }
    }
  });
});

describe("subtree conditions without a reach check", () => {
  it("subtree, strictly below, root alone, ancestors", async () => {
    const { root, branchA, leafA1, leafA2 } = t.tree;
    expect(await idsOf((u) => inSubtreeSql(u, branchA))).toEqual([branchA.id, leafA1.id, leafA2.id]);
    expect(await idsOf((u) => subtreeSql(u, branchA))).toEqual([branchA.id, leafA1.id, leafA2.id]);
    expect(await idsOf((u) => subtreeSql(u, branchA, true))).toEqual([branchA.id]);
    expect(await idsOf((u) => belowSql(u, branchA))).toEqual([leafA1.id, leafA2.id]);
    expect(await idsOf((u) => belowSql(u, leafA1))).toEqual([]);
    expect(await idsOf((u) => ancestorOrSelfSql(u, leafA1))).toEqual([root.id, branchA.id, leafA1.id]);
    expect(await idsOf((u) => inSubtreeSql(u, root))).toEqual(all.map((u) => u.id));
  });

  it("facts strictly below a tree's root or a region, by region, are the units strictly below it", async () => {
    for (const root of all) {
      const children = all.filter((u) => u.parentId === root.id).map((u) => u.id);
      const byRegion = belowByRegionSql("f", root, children);
      if (root.depth > 1) {
        expect(byRegion).toBeNull();
        continue;
      }
      const rows = await queryRows<{ id: number }>(
        t.db,
        sql`with f as (select u.id as unit_id, ${regionOf("u")} as region_id from units u)
            select unit_id as id from f where ${byRegion!} order by unit_id`,
      );
      expect(rows.map((r) => Number(r.id))).toEqual(await idsOf((u) => belowSql(u, root)));
    }
  });

  it("a LIKE wildcard in a prefix is a literal character", async () => {
    expect(await idsOf((u) => inSubtreeSql(u, { path: "%" }))).toEqual([]);
    expect(await idsOf((u) => inSubtreeSql(u, { path: "/_/" }))).toEqual([]);
  });

  it("takes a drizzle alias of the units table", async () => {
    const a = alias(units, "a");
    const rows = await t.db.select({ id: a.id }).from(a).where(inSubtreeSql(a, t.tree.branchB)).orderBy(asc(a.id));
    expect(rows.map((r) => r.id)).toEqual([t.tree.branchB.id, t.tree.leafB1.id]);
  });
});

describe("loadInScope: review meetings are read with reviewRead", () => {
  it("staff get NOT_FOUND even for their own unit's meeting; a reader who may not chair gets FORBIDDEN", async () => {
    const [m] = await t.db
      .insert(reviewMeetings)
      .values({ unitId: t.tree.branchA.id, quarter: "2026Q1", title: "范围测试审议会", createdBy: actors.admin.id })
      .returning();
    const staffErr = await trpcError(loadInScope(t.db, actors.staff, "review", m!.id, "reviewRead"));
    const unknownErr = await trpcError(loadInScope(t.db, actors.staff, "review", 987_654, "reviewRead"));
    expect(staffErr.code).toBe("NOT_FOUND");
    expect(staffErr.message.replaceAll(String(m!.id), "#")).toBe(unknownErr.message.replaceAll("987654", "#"));
    await expect(loadInScope(t.db, actors.leader, "review", m!.id, "review")).resolves.toMatchObject({ row: { id: m!.id } });
    const other = await createActor(t.db, "reviewer", t.tree.leafA1);
    expect((await trpcError(loadInScope(t.db, other, "review", m!.id, "reviewRead"))).code).toBe("NOT_FOUND");
  });
});
