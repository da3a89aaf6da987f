import { expect, test } from "./fixtures/test";
import { loginAs } from "./fixtures/auth";

// The limits of server/api/http-handler.ts as the running Next.js server applies them
// (tests/integration/authz/http-limits.test.ts checks them in detail).

type ErrorJson = { message: string; data: { code: string; httpStatus: number } };

test("a 10 MB request body gets 413 and a batch of 21 calls gets 400, both with a Chinese message", async ({ page }) => {
  await loginAs(page, "staff");
  const request = page.request;

  const note = "备".repeat((10 * 1024 * 1024) / 3);
  const big = await request.post("/api/trpc/report.save", {
    data: JSON.stringify({ json: { unitId: 4, quarter: "2026Q3", version: 0, note, values: [] } }),
    headers: { "content-type": "application/json" },
  });
  expect(big.status()).toBe(413);
  const bigError = ((await big.json()) as { error: { json: ErrorJson } }).error.json;
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
