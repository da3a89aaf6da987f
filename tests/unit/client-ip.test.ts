import { describe, expect, it } from "vitest";
import { addressSource, clientIp, normaliseIp } from "~/server/auth/client-ip";

const h = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });
const env = (TRUST_PROXY?: string) => ({ TRUST_PROXY }) as unknown as NodeJS.ProcessEnv;

describe("clientIp", () => {
  it("trusts no header without TRUST_PROXY: every caller is unknown", () => {
    expect(clientIp(h("203.0.113.7"), env())).toBeNull();
    expect(clientIp(h("203.0.113.7"), env("0"))).toBeNull();
    expect(clientIp(h("203.0.113.7"), env("yes"))).toBeNull();
  });

  it("with one trusted proxy takes the address that proxy appended, not what the client claimed", () => {
    expect(clientIp(h("203.0.113.7"), env("1"))).toBe("203.0.113.7");
    // The client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the real address.
    expect(clientIp(h("1.2.3.4, 198.51.100.9"), env("1"))).toBe("198.51.100.9");
    expect(clientIp(h("1.2.3.4, 198.51.100.9, 10.0.0.2"), env("2"))).toBe("198.51.100.9");
  });

  it("answers null for a missing, short or malformed chain", () => {
    expect(clientIp(h(), env("1"))).toBeNull();
    expect(clientIp(h("198.51.100.9"), env("2"))).toBeNull();
    expect(clientIp(h("not-an-ip"), env("1"))).toBeNull();
  });
});

describe("the connection's address from the app's own server (scripts/server.mjs)", () => {
  const peer = "x-djzl-peer-0123456789abcdef0123456789abcdef";
  const withPeer = (value: string, extra: Record<string, string> = {}) => new Headers({ [peer]: value, ...extra });
  const peerEnv = (TRUST_PROXY?: string) => ({ TRUST_PROXY, DJZL_PEER_HEADER: peer }) as unknown as NodeJS.ProcessEnv;

  it("is used without TRUST_PROXY, whatever x-forwarded-for claims", () => {
    expect(clientIp(withPeer("::ffff:203.0.113.7", { "x-forwarded-for": "1.2.3.4" }), peerEnv())).toBe("203.0.113.7");
    expect(addressSource(peerEnv())).toBe("connection");
  });

  it("gives way to a trusted proxy's chain, and counts for nothing under another header name", () => {
    expect(clientIp(withPeer("127.0.0.1", { "x-forwarded-for": "198.51.100.9" }), peerEnv("1"))).toBe("198.51.100.9");
    expect(clientIp(withPeer("203.0.113.7"), { DJZL_PEER_HEADER: "x-forwarded-for" } as unknown as NodeJS.ProcessEnv)).toBeNull();
    expect(clientIp(withPeer("203.0.113.7"), env())).toBeNull();
    expect(addressSource(env())).toBe("unknown");
    expect(addressSource(env("1"))).toBe("proxy");
  });
});

describe("normaliseIp", () => {
  it("spells one address one way", () => {
    expect(normaliseIp("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(normaliseIp("192.0.2.1:51234")).toBe("192.0.2.1");
    expect(normaliseIp("[2001:db8::1]:443")).toBe("2001:db8:0:0::/64");
  });

  it("puts a whole IPv6 /64 (what one host can use) in one bucket", () => {
    expect(normaliseIp("2001:db8:1:2:aaaa::1")).toBe(normaliseIp("2001:0db8:0001:0002:ffff:1:2:3"));
    expect(normaliseIp("2001:db8:1:2::1")).not.toBe(normaliseIp("2001:db8:1:3::1"));
  });
});
