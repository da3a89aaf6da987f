import fc from "fast-check";
import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog, type Role } from "~/db/schema";
import type { Context } from "~/server/api/trpc";
import type { Actor } from "~/server/scope";
import { createActor } from "../../factories";
import { useTreeDb } from "../test-db";
import { changedTables, snapshot } from "./db-snapshot";
import { relations, unitOf, type Relation } from "./fixtures";
import { hostileText, prototypeKeys } from "./hostile";
import { fileRoutePolicy } from "./policy";
import { inReach } from "./reach";

/**
 * The file routes outside tRPC (issue 13.5–13.6): `/api/export/template`, `/api/export/reports`
 * and `/api/export/chart`, called as Next calls them (a Request in, a Response out) with the
 * request context replaced by a test caller.
 *  - the policy matrix: every role at branchA × five units gets what `fileRoutePolicy` declares;
 *  - every refused call (401, 403) leaves an `authz.refused` audit row, like a refused procedure;
 *  - fuzzed parameters and bodies (lone surrogates, astral characters at every cut, prototype
 *    keys): always a 4xx (or the file), a Chinese-first message, nothing written, nothing logged
 *    as an error.
 */
const holder = vi.hoisted(() => ({ ctx: null as unknown as Context }));
vi.mock("~/server/api/context", () => ({ createRequestContext: async () => holder.ctx }));

const { GET: templateGET } = await import("~/app/api/export/template/route");
const { GET: reportsGET } = await import("~/app/api/export/reports/route");
const { POST: chartPOST } = await import("~/app/api/export/chart/route");
const { GET: officersGET } = await import("~/app/api/export/officers/route");

const t = useTreeDb();
const roles: Role[] = ["staff", "leader", "reviewer", "admin"];
const actors = {} as Record<Role, Actor>;
const runs = Number(process.env.FUZZ_RUNS ?? 20);

beforeAll(async () => {
  for (const role of roles) actors[role] = await createActor(t.db, role, t.tree.branchA);
});

const as = (actor: Actor | null) => {
  holder.ctx = { db: t.db, actor, locale: null };
};

type Route = keyof typeof fileRoutePolicy;
const call: Record<Route, (unitId: number | string, extra?: Record<string, string>) => Promise<Response>> = {
  "export.template": (unit, extra = {}) =>
    templateGET(
      new Request(`http://localhost/api/export/template?${new URLSearchParams({ unit: String(unit), quarter: "2026Q3", ...extra })}`),
    ),
  "export.reports": (unit, extra = {}) =>
    reportsGET(
      new Request(
        `http://localhost/api/export/reports?${new URLSearchParams({ unit: String(unit), from: "2026Q1", to: "2026Q3", format: "csv", ...extra })}`,
      ),
    ),
  "export.officers": (unit, extra = {}) =>
    officersGET(new Request(`http://localhost/api/export/officers?${new URLSearchParams({ unit: String(unit), ...extra })}`)),
  "export.chart": () => postChart({ exportName: "图表", columns: [{ key: "a", label: "甲" }], rows: [{ a: 1 }] }),
};
const postChart = (body: unknown) =>
  chartPOST(
    new Request("http://localhost/api/export/chart", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );

const codeOf = async (res: Response) => (res.ok ? "ok" : ((await res.json()) as { error: { code: string } }).error.code);

const refusedRows = (path: string) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "authz.refused"), eq(auditLog.entityId, path)));

describe("the file routes in the policy matrix", () => {
  it.each(Object.keys(fileRoutePolicy) as Route[])("%s gives every role and unit the declared outcome", async (route) => {
    const rule = fileRoutePolicy[route];
    const wrong: string[] = [];
    for (const role of roles) {
      for (const relation of rule.about === "unit" ? relations : (["own"] as Relation[])) {
        as(actors[role]);
        const expected = inReach(rule.reach[role], relation) ? "ok" : "FORBIDDEN";
        const actual = await codeOf(await call[route](unitOf(t.tree, relation).id));
        if (actual !== expected) wrong.push(`${role} → ${relation}: expected ${expected}, got ${actual}`);
      }
    }
    as(null);
    const anonymous = await call[route](t.tree.branchA.id);
    if (anonymous.status !== 401) wrong.push(`anonymous: ${anonymous.status}`);
    expect(wrong).toEqual([]);
  });

  it("an unknown unit is NOT_FOUND, as in the procedures", async () => {
    as(actors.admin);
    expect(await codeOf(await call["export.template"](999_999))).toBe("NOT_FOUND");
    expect(await codeOf(await call["export.reports"](999_999))).toBe("NOT_FOUND");
  });
});

describe("refused file-route calls are audited", () => {
  it.each(Object.keys(fileRoutePolicy) as Route[])("%s: an anonymous call leaves an authz.refused row with no actor", async (route) => {
    const before = (await refusedRows(route)).length;
    as(null);
    expect((await call[route](t.tree.leafB1.id)).status).toBe(401);
    const rows = await refusedRows(route);
    expect(rows.length).toBe(before + 1);
    expect(rows.at(-1)).toMatchObject({ actorId: null, entity: "procedure", after: { code: "UNAUTHORIZED", path: route } });
  });

  it("a FORBIDDEN export leaves a row naming the caller, the route and the unit asked for", async () => {
    as(actors.staff);
    expect((await call["export.reports"](t.tree.leafB1.id)).status).toBe(403);
    const [row] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "authz.refused"), eq(auditLog.actorId, actors.staff.id), eq(auditLog.entityId, "export.reports")))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(row).toMatchObject({ unitId: t.tree.leafB1.id, after: { code: "FORBIDDEN", unitId: t.tree.leafB1.id } });
  });
});

/** Chinese before any English word — in the message, or after the field name it starts with — as in fuzz.test.ts. */
const chineseFirst = (message: string) => {
  const first = (m: string) => {
    const han = m.search(/\p{Script=Han}/u);
    const english = m.search(/[A-Za-z]{3,}/);
    return han >= 0 && (english < 0 || han < english);
  };
  return first(message) || (message.includes("：") && first(message.slice(message.indexOf("：") + 1)));
};

async function problemWith(res: Response): Promise<string | null> {
  if (res.status >= 500) return `HTTP ${res.status}: ${await res.text()}`;
  if (res.ok) return null;
  const body = (await res.json()) as { error?: { message?: string } };
  const message = body.error?.message ?? "";
  return res.status >= 400 && chineseFirst(message)
    ? null
    : `HTTP ${res.status} without a Chinese-first message: ${JSON.stringify(message)}`;
}

describe("fuzzed file-route inputs", () => {
  const errors = vi.spyOn(console, "error");

  it(`/api/export/chart answers ${runs * 5} hostile bodies with a file or a 4xx, Chinese first, no stack logged`, async () => {
    as(actors.staff);
    errors.mockClear();
    const column = fc.record({ key: fc.oneof(hostileText, fc.constantFrom(...prototypeKeys)), label: hostileText });
    const body = fc.record({
      exportName: hostileText,
      title: fc.option(hostileText, { nil: undefined }),
      columns: fc.array(column, { minLength: 1, maxLength: 4 }),
      rows: fc.array(
        fc.dictionary(fc.oneof(hostileText, fc.constantFrom(...prototypeKeys)), fc.oneof(hostileText, fc.double(), fc.constant(null)), {
          maxKeys: 4,
        }),
        {
          maxLength: 4,
        },
      ),
    });
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const problem = await problemWith(await postChart(b));
        if (problem) throw new Error(`${JSON.stringify(b).slice(0, 300)}: ${problem}`);
      }),
      { numRuns: runs * 5 },
    );
    expect(errors).not.toHaveBeenCalled();
  });

  it("/api/export/chart: the cases once answered 500 now give a file or a 400", async () => {
    as(actors.staff);
    const ok = (b: Record<string, unknown>) => ({ exportName: "图表", columns: [{ key: "a", label: "甲" }], rows: [{ a: 1 }], ...b });
    expect((await postChart(ok({ exportName: "报表\uD800" }))).status).toBe(400);
    for (let lead = 70; lead <= 82; lead++) {
      const res = await postChart(ok({ exportName: `${"a".repeat(lead)}${"😀".repeat(10)}` }));
      expect(res.status, `emoji after ${lead} characters`).toBe(200);
      expect(res.headers.get("content-disposition")).toMatch(/filename\*=UTF-8''a+(%F0%9F%98%80)*\.xlsx$/);
    }
    for (const key of prototypeKeys) {
      const res = await postChart({
        exportName: "原型",
        columns: [
          { key, label: "列" },
          { key: "b", label: "乙" },
        ],
        rows: [{ b: 2 }],
      });
      expect(res.status, `column key ${key}`).toBe(200);
    }
  });

  it.each(["export.template", "export.reports"] as const)(
    "%s answers hostile query parameters with a 4xx, Chinese first, nothing written",
    async (route) => {
      as(actors.admin);
      errors.mockClear();
      const before = await snapshot(t.db);
      const names = route === "export.template" ? ["unit", "quarter", "subtree"] : ["unit", "from", "to", "format"];
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...names),
          hostileText,
          fc.option(fc.tuple(hostileText, hostileText)),
          async (name, value, extra) => {
            const res = await call[route](name === "unit" ? value : t.tree.branchA.id, {
              ...(name === "unit" ? {} : { [name]: value }),
              ...(extra ? { [extra[0]]: extra[1] } : {}),
            });
            const problem = await problemWith(res);
            if (problem) throw new Error(`${name}=${JSON.stringify(value).slice(0, 120)}: ${problem}`);
          },
        ),
        { numRuns: runs * 3 },
      );
      expect(changedTables(before, await snapshot(t.db)).filter((table) => table !== "audit_log")).toEqual([]);
      expect(errors).not.toHaveBeenCalled();
    },
  );
});
