import http from "node:http";
import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";

// The limits of server/api/http-handler.ts as the running Next.js server applies them
// (tests/integration/authz/http-limits.test.ts checks them in detail).

type ErrorJson = { message: string; data: { code: string; httpStatus: number } };

/**
 * A POST that declares a `length`-byte body and sends only its first bytes, then waits for the
 * answer. The server refuses by the declared length without reading on; sending the whole 10 MB
 * raced its answer (the client was still writing when the refused connection closed: EPIPE).
 */
function postDeclaring(url: string, headers: Record<string, string>, length: number, start: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(url, { method: "POST", headers: { ...headers, "content-length": String(length) } });
    req.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, body });
        req.destroy();
      });
    });
    req.on("error", reject);
    req.write(start);
  });
}

test("a 10 MB request body gets 413 and a batch of 21 calls gets 400, both with a Chinese message", async ({ page, baseURL }) => {
  await loginAs(page, "staff");
  const request = page.request;

  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const big = await postDeclaring(
    new URL("/api/trpc/report.save", baseURL).toString(),
    { "content-type": "application/json", cookie },
    10 * 1024 * 1024,
    JSON.stringify({ json: { unitId: 4, quarter: "2026Q3", version: 0, note: "备" } }).slice(0, -3),
  );
  expect(big.status).toBe(413);
  const bigError = (JSON.parse(big.body) as { error: { json: ErrorJson } }).error.json;
  expect(bigError.data.code).toBe("PAYLOAD_TOO_LARGE");
  expect(bigError.message).toContain("请求内容超过 2 MB 的上限");

  const batch = await request.get(`/api/trpc/${Array(21).fill("me.get").join(",")}?batch=1`);
  expect(batch.status()).toBe(400);
  const results = (await batch.json()) as { error: { json: ErrorJson } }[];
  expect(results).toHaveLength(21);
  expect(results[0]!.error.json.message).toContain("一次批量请求最多 20 个调用");

  const twenty = await request.get(`/api/trpc/${Array(20).fill("me.get").join(",")}?batch=1`);
  expect(twenty.status()).toBe(200);
});
