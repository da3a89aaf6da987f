import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { describeError } from "~/app/_lib/trpc/errors";
import { CallError } from "~/app/_lib/trpc/use-lazy-mutation";

// errors.ts recognises a tRPC client error without importing @trpc/client (so forms on pages
// rendered from server data can use it), and keeps a CallError's field messages.
describe("describeError", () => {
  it("reads a tRPC client error's code, message and field messages", () => {
    const err = new TRPCClientError("配额已满", {
      result: { error: { code: -32600, message: "配额已满", data: { code: "BAD_REQUEST", fieldErrors: { grade: "配额已满" } } } },
    } as never);
    expect(describeError(err)).toEqual({ code: "BAD_REQUEST", message: "配额已满", fieldErrors: { grade: "配额已满" } });
  });

  it("keeps a CallError as it was described", () => {
    expect(describeError(new CallError("版本冲突", "CONFLICT", { version: "x" }))).toEqual({
      code: "CONFLICT",
      message: "版本冲突",
      fieldErrors: { version: "x" },
    });
  });

  it("describes anything else by its message", () => {
    expect(describeError(new Error("boom"))).toEqual({ code: "UNKNOWN", message: "boom", fieldErrors: {} });
  });
});
