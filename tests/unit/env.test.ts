import { describe, expect, it } from "vitest";
import { readEnv } from "~/env";

const env = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv;

describe("the environment, checked once at start (env.ts)", () => {
  it("accepts an empty environment and leaves every setting to its default", () => {
    expect(readEnv(env({}))).toEqual({});
  });

  it("types what it reads: numbers as numbers, an empty value as unset", () => {
    expect(
      readEnv(env({ NODE_ENV: "production", DB_POOL_SIZE: "20", HEAVY_WORKERS: " 3 ", TRUST_PROXY: "0", DATABASE_URL: "", PORT: "8080" })),
    ).toEqual({ NODE_ENV: "production", DB_POOL_SIZE: 20, HEAVY_WORKERS: 3, TRUST_PROXY: 0, PORT: 8080 });
    expect(readEnv(env({ DATABASE_URL: "postgres://app@db:5432/djzl" })).DATABASE_URL).toBe("postgres://app@db:5432/djzl");
  });

  it("refuses a wrong value with a message naming the variable and its value, Chinese first", () => {
    expect(() => readEnv(env({ DB_POOL_SIZE: "ten" }))).toThrow(/^环境变量设置有误.*\/ Wrong environment variables/);
    expect(() => readEnv(env({ DB_POOL_SIZE: "ten" }))).toThrow(/DB_POOL_SIZE=ten: 须为整数 \/ must be a whole number/);
    expect(() => readEnv(env({ HEAVY_WORKER_HEAP_MB: "64" }))).toThrow(/HEAVY_WORKER_HEAP_MB=64: 须不小于 128/);
    expect(() => readEnv(env({ DATABASE_URL: "mysql://x" }))).toThrow(/DATABASE_URL=mysql:\/\/x: .*postgres:\/\//);
    expect(() => readEnv(env({ DJZL_DEMO: "yes" }))).toThrow(/DJZL_DEMO=yes: 须为 0 或 1/);
    expect(() => readEnv(env({ NODE_ENV: "prod" }))).toThrow(/NODE_ENV=prod/);
    expect(() => readEnv(env({ PORT: "70000" }))).toThrow(/PORT=70000: 须为 1–65535 的端口/);
    expect(() => readEnv(env({ LOGIN_WINDOW_MINUTES: "0" }))).toThrow(/LOGIN_WINDOW_MINUTES=0: 须为正数/);
  });

  it("names every wrong variable at once", () => {
    let message = "";
    try {
      readEnv(env({ TRUST_PROXY: "-1", HEAVY_QUEUE: "many", DB_POOL_SIZE: "5" }));
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/TRUST_PROXY=-1/);
    expect(message).toMatch(/HEAVY_QUEUE=many/);
    expect(message).not.toMatch(/DB_POOL_SIZE/);
  });
});
