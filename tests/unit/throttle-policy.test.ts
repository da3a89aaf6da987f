import { describe, expect, it } from "vitest";
import {
  admit,
  auditsRefusal,
  freshBucket,
  minutesUntil,
  settle,
  throttleKeys,
  throttlePolicy,
  UNKNOWN_IP,
  type Bucket,
} from "~/server/auth/throttle-policy";

const W = 15 * 60_000;
const t0 = new Date("2026-11-26T08:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

/** n failed attempts, one a second, through admit + settle as the sign-in does. */
function fail(n: number, limit = 10, from: Bucket = freshBucket(t0)) {
  let b = from;
  for (let i = 0; i < n; i++) {
    const a = admit(b, at(i * 1000), limit, W);
    if (!a.admitted) return { bucket: a.bucket, refusedAt: i };
    b = settle(a.bucket, "user", false, at(i * 1000), limit, W)!;
  }
  return { bucket: b, refusedAt: null };
}

describe("throttle rules", () => {
  it("the 10th failure locks the bucket for a whole window; the 11th attempt is refused", () => {
    const { bucket } = fail(10);
    expect(bucket.lockedUntil).toEqual(at(9000 + W));
    const next = admit(bucket, at(10_000), 10, W);
    expect(next.admitted).toBe(false);
    expect(fail(11).refusedAt).toBe(10);
  });

  it("says how many whole minutes are left, at least one", () => {
    expect(minutesUntil(at(W), t0)).toBe(15);
    expect(minutesUntil(at(7.5 * 60_000), t0)).toBe(8);
    expect(minutesUntil(at(1000), t0)).toBe(1);
  });

  it("lets attempts through again once the lock is over, with a fresh count", () => {
    const { bucket } = fail(10);
    const after = admit(bucket, new Date(bucket.lockedUntil!.getTime() + 1), 10, W);
    expect(after).toMatchObject({ admitted: true, bucket: { failures: 1, lockedUntil: null } });
  });

  it("counts an attempt before it is checked, so parallel guesses cannot overrun the limit", () => {
    let b = freshBucket(t0);
    const results = [];
    for (let i = 0; i < 15; i++) {
      const a = admit(b, t0, 10, W); // none of them has finished yet
      results.push(a.admitted);
      b = a.bucket;
    }
    expect(results.filter(Boolean)).toHaveLength(10);
  });

  it("success clears the account's bucket but only gives back its own attempt on the address's", () => {
    const { bucket } = fail(5);
    const admitted = admit(bucket, at(10_000), 10, W);
    expect(settle(admitted.bucket, "user", true, at(10_000), 10, W)).toBeNull();
    expect(settle(admitted.bucket, "ip", true, at(10_000), 10, W)!.failures).toBe(5);
  });

  it("forgets failures older than the window", () => {
    const { bucket } = fail(9);
    expect(admit(bucket, at(W + 60_000), 10, W)).toMatchObject({ admitted: true, bucket: { failures: 1 } });
  });

  it("audits refusals during a lock at the 1st, 10th, 100th, …", () => {
    expect([1, 2, 9, 10, 11, 100, 1000, 1001].filter(auditsRefusal)).toEqual([1, 10, 100, 1000]);
  });
});

describe("throttle settings", () => {
  it("default to 10 per account, 50 per address, 200 for unknown addresses, in 15 minutes", () => {
    expect(throttlePolicy({} as unknown as NodeJS.ProcessEnv)).toEqual({
      maxPerAccount: 10,
      maxPerIp: 50,
      maxPerUnknownIp: 200,
      windowMs: W,
    });
  });

  it("take the environment, and refuse a value that is not a number", () => {
    const env = {
      LOGIN_MAX_FAILURES_PER_ACCOUNT: "5",
      LOGIN_WINDOW_MINUTES: "30",
      LOGIN_MAX_FAILURES_UNKNOWN_IP: "0",
    } as unknown as NodeJS.ProcessEnv;
    expect(throttlePolicy(env)).toMatchObject({ maxPerAccount: 5, windowMs: 30 * 60_000, maxPerUnknownIp: 0 });
    expect(() => throttlePolicy({ LOGIN_WINDOW_MINUTES: "fifteen" } as unknown as NodeJS.ProcessEnv)).toThrow(/LOGIN_WINDOW_MINUTES/);
    expect(() => throttlePolicy({ LOGIN_WINDOW_MINUTES: "0" } as unknown as NodeJS.ProcessEnv)).toThrow(/positive/);
  });

  it("count an attempt against the typed name (case folded) and the address; an unknown address per account name", () => {
    const p = throttlePolicy({} as unknown as NodeJS.ProcessEnv);
    expect(throttleKeys(" Admin ", null, p)).toEqual([
      { kind: "ip", key: `${UNKNOWN_IP}:admin`, limit: 200 },
      { kind: "user", key: "admin", limit: 10 },
    ]);
    expect(throttleKeys("x", "198.51.100.9", p)[0]).toEqual({ kind: "ip", key: "198.51.100.9", limit: 50 });
    expect(throttleKeys("x", null, { ...p, maxPerUnknownIp: 0 })).toHaveLength(1);
    // never half an emoji in a key (it would not be storable text)
    expect(throttleKeys(`${"a".repeat(63)}😀😀`, null, p)[1]!.key).toBe(`${"a".repeat(63)}😀`);
  });
});
