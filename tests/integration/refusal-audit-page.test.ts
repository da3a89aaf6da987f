import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { auditLog } from "~/db/schema";
import { callerFor, createActor } from "../factories";
import { useTreeDb } from "./test-db";
import { trpcError } from "./trpc-expect";

// The request as a page render sends it: proxy.ts has set the page header; a forged one on an API call is removed there.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined }),
}));

const t = useTreeDb();
const lastRefusal = async (actorId: number) =>
  (
    await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "authz.refused"), eq(auditLog.actorId, actorId)))
      .orderBy(desc(auditLog.id))
      .limit(1)
  )[0];

describe("a refused page open in the audit log", () => {
  it("names the page being rendered", async () => {
    const staff = await createActor(t.db, "staff", t.tree.leafA1);
    request.headers = new Headers({ "x-page-path": "/assessment/dashboard" });
    expect((await trpcError(callerFor(t.db, staff).report.get({ unitId: t.tree.leafB1.id, quarter: "2026Q3" }))).code).toBe("FORBIDDEN");
    expect((await lastRefusal(staff.id))!.after).toMatchObject({ path: "report.get", page: "/assessment/dashboard" });
  });

  it("names the browser's page for a call from it (same-origin Referer), and nothing it cannot trust", async () => {
    const staff = await createActor(t.db, "staff", t.tree.leafA2);
    request.headers = new Headers({ host: "localhost:3000", referer: "http://localhost:3000/cases/12?tab=items" });
    await trpcError(callerFor(t.db, staff).report.get({ unitId: t.tree.leafB1.id, quarter: "2026Q3" }));
    expect((await lastRefusal(staff.id))!.after).toMatchObject({ page: "/cases/12" });
    request.headers = new Headers({ host: "localhost:3000", referer: "http://elsewhere.example/admin" });
    await trpcError(callerFor(t.db, staff).unit.adminList());
    expect((await lastRefusal(staff.id))!.after).toMatchObject({ page: null });
  });
});
