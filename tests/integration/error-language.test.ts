import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { appRouter } from "~/server/api/root";
import { createActor } from "../factories";
import { useTreeDb } from "./test-db";

const t = useTreeDb();

type ErrorBody = { error: { json: { message: string; data: { httpStatus: number; fieldErrors: Record<string, string> } } } };

/** report.save over HTTP, as a page in `locale` (or a script, without one) would call it. */
async function save(input: Record<string, unknown>, locale: string | null) {
  const actor = await createActor(t.db, "staff", t.tree.leafA1);
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request("http://localhost/api/trpc/report.save", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(superjson.serialize({ unitId: t.tree.leafA1.id, quarter: "2026Q1", values: [], ...input })),
    }),
    router: appRouter,
    createContext: async () => ({ db: t.db, actor, locale }),
  });
  return { status: res.status, ...((await res.json()) as ErrorBody).error.json };
}

const badSave = (locale: string | null) => save({ version: 0, values: [{ indicatorCode: "L2_secretary_lectures", value: "abc" }] }, locale);
const zodFailure = async (locale: string | null) => (await save({ version: 1.5 }, locale)).data.fieldErrors;

describe("error messages follow the caller's language", () => {
  it("gives scripts both languages, Chinese first", async () => {
    const e = await badSave(null);
    expect(e.status).toBe(400);
    expect(e.data.fieldErrors["values.L2_secretary_lectures"]).toBe("「书记讲党课次数」须填写数字（must be a number）");
  });

  it("gives a Chinese page only the Chinese and an English page only the English", async () => {
    expect((await badSave("zh-CN")).data.fieldErrors["values.L2_secretary_lectures"]).toBe("「书记讲党课次数」须填写数字");
    expect((await badSave("en")).data.fieldErrors["values.L2_secretary_lectures"]).toBe("Must be a number");
  });

  it("translates zod's own messages for an English page", async () => {
    expect((await zodFailure("zh-CN")).version).toMatch(/[\u4e00-\u9fff]/);
    expect((await zodFailure("en")).version).toMatch(/^[\x20-\x7e]+$/);
  });
});
