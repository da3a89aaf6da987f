import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { users } from "~/db/schema";
import { hashPassword } from "~/server/auth/password";
import { DEV_AUTH_SECRET } from "~/server/auth/secret";
import { assertNoDemoPasswords, usersWithDemoPassword } from "~/server/auth/demo-passwords";
import { startupCheck } from "~/server/auth/startup-check";
import { createActor } from "../factories";
import { useTreeDb } from "./test-db";

/** Production refuses to start with the demo secret or demo passwords. */
const t = useTreeDb();
const production = { NODE_ENV: "production", AUTH_SECRET: "x".repeat(40) } as unknown as NodeJS.ProcessEnv;

describe("demo passwords", () => {
  it("finds every active account still on demo1234 and refuses production with their names", async () => {
    const a = await createActor(t.db, "admin", t.tree.root); // factories use a hash of demo1234
    const b = await createActor(t.db, "staff", t.tree.leafA1);
    expect(await usersWithDemoPassword(t.db)).toEqual(expect.arrayContaining([a.username, b.username]));
    await expect(assertNoDemoPasswords(t.db, production)).rejects.toThrow(/演示密码 demo1234.*拒绝启动/);
    await expect(assertNoDemoPasswords(t.db, production)).rejects.toThrow(a.username);
  });

  it("lets the demo (DJZL_DEMO=1) and development start anyway", async () => {
    await expect(assertNoDemoPasswords(t.db, { ...production, DJZL_DEMO: "1" })).resolves.toBeUndefined();
    await expect(assertNoDemoPasswords(t.db, { NODE_ENV: "development" } as unknown as NodeJS.ProcessEnv)).resolves.toBeUndefined();
  });

  it("starts once the demo passwords are changed or the accounts deactivated", async () => {
    const own = await hashPassword("a-real-password-2026");
    const remaining = await usersWithDemoPassword(t.db);
    for (const [i, username] of remaining.entries()) {
      await t.db
        .update(users)
        .set(i % 2 ? { active: false } : { passwordHash: own })
        .where(eq(users.username, username));
    }
    expect(await usersWithDemoPassword(t.db)).toEqual([]);
    await expect(assertNoDemoPasswords(t.db, production)).resolves.toBeUndefined();
  });
});

describe("startupCheck", () => {
  it("refuses the dev secret, a short one, or a setting that is not a number", async () => {
    await expect(startupCheck({ ...production, AUTH_SECRET: DEV_AUTH_SECRET, DJZL_DEMO: "1" })).rejects.toThrow(/AUTH_SECRET/);
    await expect(startupCheck({ ...production, AUTH_SECRET: "short", DJZL_DEMO: "1" })).rejects.toThrow(/32 characters/);
    await expect(startupCheck({ ...production, DJZL_DEMO: "1", LOGIN_MAX_FAILURES_PER_ACCOUNT: "ten" })).rejects.toThrow(
      /LOGIN_MAX_FAILURES_PER_ACCOUNT/,
    );
    await expect(startupCheck({ ...production, DJZL_DEMO: "1" })).resolves.toBeUndefined();
  });

  it("warns in production when the client address cannot be known (no TRUST_PROXY, not under scripts/server.mjs)", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await startupCheck({ ...production, DJZL_DEMO: "1" });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/无法得知客户端地址.*TRUST_PROXY/));
    warn.mockClear();
    await startupCheck({ ...production, DJZL_DEMO: "1", TRUST_PROXY: "1" });
    await startupCheck({ ...production, DJZL_DEMO: "1", DJZL_PEER_HEADER: "x-djzl-peer-0123456789abcdef0123456789abcdef" });
    await startupCheck({ NODE_ENV: "development" } as unknown as NodeJS.ProcessEnv);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});
