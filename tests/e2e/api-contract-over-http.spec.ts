import { type APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";
import { reportingQuarter } from "./fixtures/quarters";

// Other programs call the app over HTTP exactly like this (DESIGN.md "API surface"):
// tRPC at /api/trpc with superjson ({"json": …}), next-auth's credentials flow for the cookie.

const query = (request: APIRequestContext, path: string, input?: unknown) =>
  request.get(`/api/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`}`);
const mutate = (request: APIRequestContext, path: string, input: unknown) => request.post(`/api/trpc/${path}`, { data: { json: input } });
type ErrorJson = {
  message: string;
  data: { code: string; httpStatus: number; fieldErrors: Record<string, string> | null; stack?: unknown };
};
const body = async (res: { json: () => Promise<unknown> }) =>
  (await res.json()) as { result?: { data: { json: unknown } }; error?: { json: ErrorJson } };

test("signed out, the API answers 401 UNAUTHORIZED (every procedure: tests/integration/contract.test.ts)", async ({ request }) => {
  const res = await query(request, "unit.tree");
  expect(res.status()).toBe(401);
  expect((await body(res)).error?.json.data.code).toBe("UNAUTHORIZED");
});

test("the contract procedures answer with the documented shapes and error codes", async ({ page }) => {
  await loginAs(page, "staff");
  const request = page.request;

  const tree = (await body(await query(request, "unit.tree"))).result!.data.json as { id: number; name: string }[];
  expect(tree).toHaveLength(1);
  expect(Object.keys(tree[0]!)).toEqual(expect.arrayContaining(["id", "parentId", "name", "type", "memberCount"]));
  const unitId = tree[0]!.id;

  const indicators = (await body(await query(request, "indicator.list"))).result!.data.json as { code: string }[];
  expect(Object.keys(indicators[0]!)).toEqual(
    expect.arrayContaining(["code", "category", "name", "kind", "direction", "target", "weight"]),
  );

  // A quarter never reported reads as an empty draft of version 0.
  const empty = (await body(await query(request, "report.get", { unitId, quarter: "2020Q1" }))).result!.data.json as Record<
    string,
    unknown
  >;
  expect(empty).toMatchObject({ unitId, quarter: "2020Q1", status: "draft", version: 0, values: [] });

  const saved = await mutate(request, "report.save", {
    unitId,
    quarter: "2020Q1",
    version: 0,
    businessScore: 80,
    values: [{ indicatorCode: "V2_volunteer_rate", value: 60 }],
  });
  expect(saved.status()).toBe(200);
  expect((await body(saved)).result!.data.json).toEqual({ version: 1 });

  // Stale version → 409 CONFLICT; bad value → 400 BAD_REQUEST with per-field messages.
  const stale = await mutate(request, "report.save", { unitId, quarter: "2020Q1", version: 0, values: [] });
  expect(stale.status()).toBe(409);
  expect((await body(stale)).error!.json.data.code).toBe("CONFLICT");
  const bad = await mutate(request, "report.save", {
    unitId,
    quarter: "2020Q1",
    version: 1,
    values: [{ indicatorCode: "V2_volunteer_rate", value: 120 }],
  });
  expect(bad.status()).toBe(400);
  const badError = (await body(bad)).error!.json;
  expect(badError.data.code).toBe("BAD_REQUEST");
  expect(badError.data.fieldErrors?.["values.V2_volunteer_rate"]).toContain("0 到 100");
  expect(badError.data.fieldErrors?.["values.V2_volunteer_rate"]).toContain("（rate must be 0–100 %）");
  expect(badError.data.stack).toBeUndefined();

  // Another unit's report: 403 FORBIDDEN; malformed input: 400, never 500.
  expect((await query(request, "report.get", { unitId: unitId === 1 ? 2 : 1, quarter: reportingQuarter })).status()).toBe(403);
  expect((await query(request, "report.get", { unitId, quarter: "2026-Q3" })).status()).toBe(400);
  expect((await query(request, "report.get", { unitId: "abc", quarter: "2026Q3" })).status()).toBe(400);

  const created = await mutate(request, "meeting.create", {
    unitId,
    type: "party_lecture",
    date: "2020-02-10", // a quarter no other spec looks at
    expected: 10,
    present: 9,
    topic: "专题党课（接口测试）",
    solicitedOpinions: true,
    criticalOpinions: 3,
    rectificationItems: 1,
    minutes: "书记围绕履职尽责讲授专题党课，党员结合岗位实际交流体会。",
  });
  expect(created.status()).toBe(200);
  expect(typeof ((await body(created)).result!.data.json as { id: unknown }).id).toBe("number");

  const flags = (await body(await query(request, "meeting.flags", { unitId, from: "2020Q1", to: "2020Q1" }))).result!.data.json;
  expect(flags).toEqual([]); // a well-attended lecture with criticism and minutes raises no flag

  const overview = (await body(await query(request, "dashboard.overview", { unitId, from: "2025Q1", to: reportingQuarter }))).result!.data
    .json as { trend: { quarter: string; categories: Record<string, number | null> }[] };
  expect(overview.trend.at(-1)).toMatchObject({ quarter: reportingQuarter });
  expect(Object.keys(overview.trend[0]!.categories)).toHaveLength(6);
});

test("a reviewer approves and returns through the API; staff cannot", async ({ page, browser }) => {
  await loginAs(page, "staff");
  const tree = (await body(await query(page.request, "unit.tree"))).result!.data.json as { id: number }[];
  const unitId = tree[0]!.id;
  const approveAsStaff = await mutate(page.request, "report.approve", { unitId, quarter: reportingQuarter });
  expect(approveAsStaff.status()).toBe(403);

  const reviewer = await (await browser.newContext()).newPage();
  await loginAs(reviewer, "reviewer");
  const noReason = await mutate(reviewer.request, "report.return", { unitId, quarter: "2020Q1", reason: "" });
  expect(noReason.status()).toBe(400);
  const notSubmitted = await mutate(reviewer.request, "report.approve", { unitId, quarter: "2020Q1" });
  expect([409, 412]).toContain(notSubmitted.status());
});
