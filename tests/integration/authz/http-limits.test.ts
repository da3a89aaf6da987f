import { beforeAll, describe, expect, it } from "vitest";
import { createTrpcHandler, MAX_BATCH, MAX_BODY_BYTES, MAX_UPLOAD_BODY_BYTES } from "~/server/api/http-handler";
import type { Actor } from "~/server/scope";
import { createActor } from "../../factories";
import { useTreeDb } from "../test-db";
import { changedTables, snapshot } from "./db-snapshot";

/**
 * Limits of the /api/trpc route before any procedure runs (issue #7.2): oversized bodies get
 * 413 PAYLOAD_TOO_LARGE, batches over MAX_BATCH calls get 400, both with a Chinese-first message,
 * and nothing is written. The route's handler is called with Request objects, signed in as an
 * admin through a test context.
 */
const t = useTreeDb();
let admin: Actor;
let handler: (req: Request) => Promise<Response>;

beforeAll(async () => {
  admin = await createActor(t.db, "admin", t.tree.root);
  handler = createTrpcHandler(async () => ({ db: t.db, actor: admin, locale: null }));
});

const url = (path: string, query = "") => `http://localhost/api/trpc/${path}${query}`;
const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
  handler(
    new Request(url(path), {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
      duplex: "half",
    } as RequestInit),
  );

/** A JSON body of about `bytes` bytes: a meeting whose minutes are that long. */
const meetingBody = (bytes: number) =>
  JSON.stringify({
    json: {
      unitId: t.tree.leafA1.id,
      type: "group",
      date: "2025-02-10",
      expected: 10,
      present: 9,
      topic: "超长请求",
      solicitedOpinions: true,
      criticalOpinions: 0,
      rectificationItems: 0,
      minutes: "x".repeat(bytes),
    },
  });

/** A body sent in chunks with no Content-Length, as a streaming client would. */
const streamed = (text: string) => {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 64 * 1024) controller.enqueue(bytes.subarray(i, i + 64 * 1024));
      controller.close();
    },
  });
};

type ErrorBody = { error: { json: { message: string; data: { code: string; httpStatus: number } } } };
const errorOf = async (res: Response) => ((await res.json()) as ErrorBody).error.json;

describe("request bodies", () => {
  it("refuses a 10 MB body with 413 and a Chinese-first message, writing nothing", async () => {
    const before = await snapshot(t.db);
    const body = meetingBody(10 * 1024 * 1024);
    const res = await post("meeting.create", body, { "content-length": String(Buffer.byteLength(body)) });
    expect(res.status).toBe(413);
    const error = await errorOf(res);
    expect(error.data.code).toBe("PAYLOAD_TOO_LARGE");
    expect(error.message).toMatch(/^请求内容超过 2 MB 的上限/);
    expect(changedTables(before, await snapshot(t.db))).toEqual([]);
  });

  it("refuses a body over the limit that does not say its length (chunked)", async () => {
    const res = await post("meeting.create", streamed(meetingBody(MAX_BODY_BYTES + 1024)));
    expect(res.status).toBe(413);
    expect((await errorOf(res)).data.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("lets a body under the limit through to the procedure", async () => {
    const res = await post("meeting.create", streamed(meetingBody(1_000)));
    expect(res.status).toBe(200);
  });

  it("gives a spreadsheet upload room for a 5 MB file as base64, and no more", async () => {
    const upload = (chars: number) => JSON.stringify({ json: { fileName: "报表.csv", contentBase64: "A".repeat(chars) } });
    const fits = await post("spreadsheet.preview", streamed(upload(MAX_BODY_BYTES * 3)));
    expect(fits.status).toBe(400); // read and checked by the procedure: not a spreadsheet
    expect((await errorOf(fits)).data.code).toBe("BAD_REQUEST");
    const over = await post("spreadsheet.preview", streamed(upload(MAX_UPLOAD_BODY_BYTES + 1)));
    expect(over.status).toBe(413);
    // The larger allowance is not for other procedures batched with an upload.
    const mixed = await handler(
      new Request(url("spreadsheet.preview,meeting.create", "?batch=1"), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ 0: { json: { fileName: "a.csv", contentBase64: "" } }, 1: JSON.parse(meetingBody(MAX_BODY_BYTES)) }),
      }),
    );
    expect(mixed.status).toBe(413);
  });

  it("answers malformed JSON with 400, not 500", async () => {
    const res = await post("meeting.create", "{not json");
    expect(res.status).toBe(400);
  });
});

describe("batches", () => {
  const batch = (n: number) => handler(new Request(url(Array(n).fill("me.get").join(","), "?batch=1")));

  it(`answers a batch of ${MAX_BATCH} calls`, async () => {
    const res = await batch(MAX_BATCH);
    expect(res.status).toBe(200);
    expect(await res.json()).toHaveLength(MAX_BATCH);
  });

  it(`refuses a batch of ${MAX_BATCH + 1} calls with 400 and a Chinese-first message, running none of them`, async () => {
    const res = await batch(MAX_BATCH + 1);
    expect(res.status).toBe(400);
    const results = (await res.json()) as ErrorBody[];
    expect(results).toHaveLength(MAX_BATCH + 1);
    for (const r of results) {
      expect(r.error.json.data.code).toBe("BAD_REQUEST");
      expect(r.error.json.message).toMatch(/^一次批量请求最多 20 个调用，本次有 21 个/);
    }
  });

  it("refuses a batch of mutations over the limit without writing anything", async () => {
    const before = await snapshot(t.db);
    const n = MAX_BATCH + 5;
    const body = Object.fromEntries(Array.from({ length: n }, (_, i) => [i, JSON.parse(meetingBody(10))]));
    const res = await handler(
      new Request(url(Array(n).fill("meeting.create").join(","), "?batch=1"), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
    );
    expect(res.status).toBe(400);
    expect(changedTables(before, await snapshot(t.db))).toEqual([]);
  });
});
