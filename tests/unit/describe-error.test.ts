import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { describeError } from "~/app/_lib/trpc/errors";
import { CallError } from "~/app/_lib/trpc/use-lazy-mutation";

// describeError recognises errors by shape (it must not import the tRPC client: pages rendered
// from server data use it through useServerErrors).
describe("describeError", () => {
  it("reads a tRPC client error's code and per-field messages", () => {
    const err = TRPCClientError.from({
      error: { code: -32600, message: "输入有误", data: { code: "BAD_REQUEST", httpStatus: 400, fieldErrors: { comment: "请填写意见" } } },
    });
    expect(describeError(err)).toEqual({ code: "BAD_REQUEST", message: "输入有误", fieldErrors: { comment: "请填写意见" } });
  });
  it("passes a CallError (useLazyMutation) through", () => {
    expect(describeError(new CallError("已被他人修改", "CONFLICT", {}))).toEqual({
      code: "CONFLICT",
      message: "已被他人修改",
      fieldErrors: {},
    });
  });
  it("keeps the message of anything else", () => {
    expect(describeError(new TypeError("Failed to fetch"))).toEqual({ code: "UNKNOWN", message: "Failed to fetch", fieldErrors: {} });
    expect(describeError("x")).toEqual({ code: "UNKNOWN", message: "x", fieldErrors: {} });
  });
});
