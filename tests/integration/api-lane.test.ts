import { createServer, get, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { and, desc, eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "~/db/schema";
import { handleLaneRequest, isLaneRequest } from "~/server/api/lane";
import { MAX_BATCH, MAX_BODY_BYTES } from "~/server/api/http-handler";
import { DEV_AUTH_SECRET } from "~/server/auth/secret";
import { sessionPolicy } from "~/server/auth/session-policy";
import { openSession } from "~/server/auth/sessions";
import { apiContentSecurityPolicy } from "~/server/http/security-headers";
import { callerFor, createActor } from "../factories";
import { useTreeDb } from "./test-db";

/**
 * Issue 16, per request: the API lane (server/api/lane.ts) answers /api/trpc/* in the app's own
 * HTTP server, outside Next's router. Everything a call meets through the route handler must
 * hold here too, from the same code: the answer, the session and its re-issue, the security
 * headers proxy.ts gives API answers, the body and batch limits, the page header never taken
 * from a client, the client address from the connection, the caller's language, compression.
 * A real HTTP server on a free port, on this file's database.
 */
const t = useTreeDb();
const cookieName = "authjs.session-token";
const peerHeader = `x-djzl-peer-${"ab".repeat(16)}`;
let server: Server;
let base = "";
let leader: Awaited<ReturnType<typeof createActor>>;
let staff: Awaited<ReturnType<typeof createActor>>;

async function cookieFor(userId: number, lastSeen = Date.now()) {
  const sid = await openSession(t.db, userId, new Date(), sessionPolicy().maxMs);
  const value = await encode({
    token: { uid: String(userId), sid, authTime: Date.now() - 10 * 60_000, lastSeen },
    secret: DEV_AUTH_SECRET,
    salt: cookieName,
  });
  return `${cookieName}=${value}`;
}

const input = (value: unknown) => encodeURIComponent(JSON.stringify(superjson.serialize(value)));
const dataOf = async (res: Response) => superjson.deserialize(((await res.json()) as { result: { data: never } }).result.data);
const errorOf = async (res: Response) =>
  ((await res.json()) as { error: { json: { message: string; data: { code: string } } } }).error.json;

beforeAll(async () => {
  // The app's shared connection (db/client.ts getDb) is this test's database.
  (globalThis as { __djzlDb?: unknown }).__djzlDb = Promise.resolve({ db: t.db, driver: "pglite", close: async () => {} });
  process.env.DJZL_PEER_HEADER = peerHeader;
  leader = await createActor(t.db, "leader", t.tree.branchA);
  staff = await createActor(t.db, "staff", t.tree.leafA1);
  // As scripts/server.mjs: the connection's address in the per-process header, then the lane.
  server = createServer((req, res) => {
    req.headers[peerHeader] = "203.0.113.7";
    if (!isLaneRequest(req.url)) return void res.writeHead(404).end();
    handleLaneRequest(req, res).catch((err) => {
      console.error(err);
      res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  delete process.env.DJZL_PEER_HEADER;
  await new Promise((resolve) => server.close(resolve));
});

describe("the API lane", () => {
  it("answers a signed-in call as the procedure does, with the API security headers", async () => {
    const args = { unitId: t.tree.branchA.id, from: "2026Q1", to: "2026Q3" };
    const res = await fetch(`${base}/api/trpc/dashboard.overview?input=${input(args)}`, {
      headers: { cookie: await cookieFor(leader.id) },
    });
    expect(res.status).toBe(200);
    expect(await dataOf(res)).toEqual(await callerFor(t.db, leader).dashboard.overview(args));
    expect(res.headers.get("content-security-policy")).toBe(apiContentSecurityPolicy);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("set-cookie")).toBeNull(); // a cookie re-issued within the last minute is left as it is
  });

  it("answers whatever Host header a client sends", async () => {
    const res = await new Promise<number>((resolve, reject) => {
      get(`${base}/api/trpc/me.get`, { headers: { host: "bad host:%%/" } }, (r) => {
        r.resume();
        resolve(r.statusCode ?? 0);
      }).on("error", reject);
    });
    expect(res).toBe(401);
  });

  it("re-issues the cookie when the sliding window needs it", async () => {
    const res = await fetch(`${base}/api/trpc/me.get`, { headers: { cookie: await cookieFor(leader.id, Date.now() - 5 * 60_000) } });
    expect(res.status).toBe(200);
    const set = res.headers.getSetCookie();
    expect(set).toHaveLength(1);
    expect(set[0]).toMatch(new RegExp(`^${cookieName}=[^;]+; `));
    expect(set[0]).toMatch(/HttpOnly/i);
    expect(set[0]).toMatch(/SameSite=lax/i);
    expect(set[0]).toMatch(/Path=\//);
  });

  it("refuses a call without a session in the caller's language", async () => {
    const zh = await fetch(`${base}/api/trpc/me.get`);
    expect(zh.status).toBe(401);
    const zhError = await errorOf(zh);
    expect(zhError.data.code).toBe("UNAUTHORIZED");
    expect(zhError.message).toMatch(/[\u4e00-\u9fff]/);
    const en = await errorOf(await fetch(`${base}/api/trpc/me.get`, { headers: { "x-ui-locale": "en" } }));
    expect(en.message).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it("audits a refusal with the connection's address and the browser's page, never a page header a client sent", async () => {
    const res = await fetch(`${base}/api/trpc/report.get?input=${input({ unitId: t.tree.leafB1.id, quarter: "2026Q3" })}`, {
      headers: {
        cookie: await cookieFor(staff.id),
        "x-page-path": "/forged",
        host: new URL(base).host,
        referer: `${base}/cases/12?tab=items`,
      },
    });
    expect(res.status).toBe(403);
    const [row] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "authz.refused"), eq(auditLog.actorId, staff.id)))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(row!.after).toMatchObject({ path: "report.get", page: "/cases/12", ip: "203.0.113.7" });
  });

  it("keeps the body and batch limits of the route handler", async () => {
    const cookie = await cookieFor(leader.id);
    const big = await fetch(`${base}/api/trpc/case.create`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ json: { title: "x".repeat(MAX_BODY_BYTES + 10) } }),
    });
    expect(big.status).toBe(413);
    expect((await errorOf(big)).message).toMatch(/[\u4e00-\u9fff]/);
    const paths = Array.from({ length: MAX_BATCH + 1 }, () => "me.get").join(",");
    const batch = await fetch(`${base}/api/trpc/${paths}?batch=1&input=${encodeURIComponent("{}")}`, { headers: { cookie } });
    expect(batch.status).toBe(400);
    const answers = (await batch.json()) as { error: { json: { message: string } } }[];
    expect(answers).toHaveLength(MAX_BATCH + 1);
    expect(answers[0]!.error.json.message).toContain(String(MAX_BATCH));
  });

  it("compresses a larger answer for a client that accepts gzip", async () => {
    const args = { unitId: t.tree.branchA.id, from: "2024Q1", to: "2026Q3" };
    const url = `${base}/api/trpc/dashboard.overview?input=${input(args)}`;
    const cookie = await cookieFor(leader.id);
    // Node's fetch would decompress by itself: read the raw bytes with the header set by hand.
    const raw = await new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
      get(url, { headers: { cookie, "accept-encoding": "gzip" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }));
      }).on("error", reject);
    });
    expect(raw.encoding).toBe("gzip");
    const plain = await fetch(url, { headers: { cookie, "accept-encoding": "identity" } });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(JSON.parse(gunzipSync(raw.body).toString("utf8"))).toEqual(await plain.json());
  });
});
