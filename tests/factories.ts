import { eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { units, users, type Role, type UnitType } from "~/db/schema";
import { ensureBaseCatalogue } from "~/scripts/seed/catalogue";
import { createCaller } from "~/server/api/root";
import type { Actor } from "~/server/scope";
import { refreshUnitRollups } from "~/server/services/rollup/tree-counts";

// A fixed argon2id hash of "demo1234", so factories do not spend 50 ms hashing per user.
export const DEMO_HASH = "$argon2id$v=19$m=19456,t=2,p=1$37KoR83Bky9xWRwC97MbVw$CjdjKpevNWC3VgU7HOljsMRC7xulmTiD69fBSed5DYQ";

export const seedCatalogue = (db: Db) => ensureBaseCatalogue(db);

export async function createUnit(db: Db, opts: { name: string; parent?: { id: number; path: string; depth: number }; type?: UnitType }) {
  const [row] = await db
    .insert(units)
    .values({ name: opts.name, type: opts.type ?? "branch", parentId: opts.parent?.id ?? null, path: "", depth: 0 })
    .returning();
  const path = `${opts.parent?.path ?? "/"}${row!.id}/`;
  const depth = opts.parent ? opts.parent.depth + 1 : 0;
  const [unit] = await db.update(units).set({ path, depth }).where(eq(units.id, row!.id)).returning();
  // Inserted directly, not through unit.create: count it in the meeting-quality rollups as that would.
  await db.transaction((tx) => refreshUnitRollups(tx, [unit!.id], { meetings: false }));
  return unit!;
}

/**
 * A small tree for scope tests:
 *   root ─┬─ branchA ─┬─ leafA1
 *         │           └─ leafA2   (sibling of leafA1)
 *         └─ branchB ─── leafB1   (another branch)
 */
export async function createTree(db: Db) {
  const root = await createUnit(db, { name: "测试市委", type: "committee" });
  const branchA = await createUnit(db, { name: "A局机关党委", type: "committee", parent: root });
  const leafA1 = await createUnit(db, { name: "A局第一党支部", parent: branchA });
  const leafA2 = await createUnit(db, { name: "A局第二党支部", parent: branchA });
  const branchB = await createUnit(db, { name: "B局机关党委", type: "committee", parent: root });
  const leafB1 = await createUnit(db, { name: "B局第一党支部", parent: branchB });
  return { root, branchA, leafA1, leafA2, branchB, leafB1 };
}

let userSeq = 0;
export async function createActor(db: Db, role: Role, unit: { id: number; path: string }): Promise<Actor> {
  const username = `${role}_${++userSeq}_${unit.id}`;
  const [user] = await db
    .insert(users)
    .values({ username, displayName: `测试${role}`, passwordHash: DEMO_HASH, role, unitId: unit.id })
    .returning();
  return { id: user!.id, username, displayName: user!.displayName, role, unitId: unit.id, unitPath: unit.path };
}

export const callerFor = (db: Db, actor: Actor | null) => createCaller({ db, actor });
