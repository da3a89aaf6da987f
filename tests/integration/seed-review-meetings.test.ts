import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { cases, units, users } from "~/db/schema";
import { getReview } from "~/server/services/review/get";
import { listReviews } from "~/server/services/review/list";
import type { Actor } from "~/server/scope";
import { useDemoDb } from "./test-db";

/** The demo review meeting: closed, on the quarter before the reporting one, every unit decided, cases linked. */
const now = new Date("2026-11-26T10:00:00+08:00");
const handle = useDemoDb(now);

describe("demo review meeting", () => {
  it("is closed with a decision on every proposed unit and links the review-meeting cases", async () => {
    const { db } = handle;
    const [u] = await db.select().from(users).where(eq(users.username, "reviewer"));
    const [root] = await db.select().from(units).where(eq(units.id, u!.unitId));
    const actor: Actor = {
      id: u!.id,
      username: u!.username,
      displayName: u!.displayName,
      role: "reviewer",
      unitId: root!.id,
      unitPath: root!.path,
    };
    const list = await listReviews({ db, actor }, { unitId: root!.id });
    expect(list.meetings).toHaveLength(1);
    expect(list.meetings[0]).toMatchObject({ quarter: "2026Q2", status: "closed", heldOn: "2026-07-21" });
    const m = await getReview({ db, actor }, { id: list.meetings[0]!.id }, "2026-11-26");
    expect(m.items.length).toBeGreaterThanOrEqual(5);
    expect(m.items.every((i) => i.decision !== null)).toBe(true);
    // The proposal found scores (the rollups were built first), so low scores are among the reasons.
    expect(m.items.some((i) => i.reasons.some((r) => r.code === "low_score"))).toBe(true);
    const linked = m.items.filter((i) => i.decision === "case");
    expect(linked.length).toBeGreaterThan(0);
    for (const item of linked) {
      const [c] = await db.select().from(cases).where(eq(cases.id, item.caseId!));
      expect(c).toMatchObject({ unitId: item.unitId, sourceType: "review_meeting", sourceId: m.id });
    }
    expect(new Set(m.items.map((i) => i.decision)).size).toBeGreaterThanOrEqual(3);
  });
});
