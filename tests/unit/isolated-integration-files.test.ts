import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isolatedIntegrationFiles, needsIsolation } from "~/tests/integration/isolated-files";

/** Every integration test file, relative to the project root. */
function integrationFiles(dir = "tests/integration"): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.posix.join(dir, e.name);
    return e.isDirectory() ? integrationFiles(full) : e.name.endsWith(".test.ts") ? [full] : [];
  });
}

describe("integration files that change modules, globals or the environment run in a module graph of their own", () => {
  const files = integrationFiles();

  it("finds the integration files", () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it("lists every file that mocks, stubs, spies or replaces the shared connection", () => {
    const unlisted = files.filter((f) => needsIsolation.test(readFileSync(f, "utf8")) && !isolatedIntegrationFiles.includes(f));
    expect(unlisted, "add them to tests/integration/isolated-files.ts").toEqual([]);
  });

  it("lists only files that exist", () => {
    expect(isolatedIntegrationFiles.filter((f) => !files.includes(f))).toEqual([]);
  });

  it("recognises what needs isolation", () => {
    for (const text of [
      'vi.mock("next/headers", () => ({}))',
      "vi.stubEnv('A', '1')",
      "process.env.DB_POOL_SIZE = '1'",
      "delete process.env.X",
      "globalThis.__djzlDb = db",
    ])
      expect(needsIsolation.test(text), text).toBe(true);
    for (const text of ["const x = process.env.A === '1'", "expect(vi.fn()).toHaveBeenCalled()"])
      expect(needsIsolation.test(text), text).toBe(false);
  });
});
