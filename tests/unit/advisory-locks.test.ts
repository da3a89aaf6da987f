import { describe, expect, it } from "vitest";
import { advisoryLocks } from "~/db/locks";

describe("advisory-lock keys (db/locks.ts)", () => {
  it("are distinct, and the values running instances already take", () => {
    const keys = Object.values(advisoryLocks);
    expect(new Set(keys).size).toBe(keys.length);
    expect(advisoryLocks).toEqual({
      migrate: 7263514,
      seed: 7263515,
      treeStructure: 7263516,
      catalogueRules: 7263520,
      rollupRefresh: 7263521,
      copyCorpus: 7263522,
    });
  });
});
