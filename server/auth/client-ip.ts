import { isIP } from "node:net";

/**
 * The header in which the app's own server (scripts/server.mjs) hands over the address of the
 * connection: its name is random per process and set in DJZL_PEER_HEADER before Next starts,
 * and the server overwrites it on every request, so a client can neither guess nor forge it.
 */
export const peerHeaderName = (env: NodeJS.ProcessEnv = process.env) => {
  const name = env.DJZL_PEER_HEADER;
  return name && /^x-djzl-peer-[0-9a-f]{32}$/.test(name) ? name : null;
};

/**
 * The client's address, or null when it cannot be known.
 *
 * 1. With TRUST_PROXY=<n> (n ≥ 1 reverse proxies in front that append the address they saw to
 *    `x-forwarded-for`): the n-th entry from the right, the one the outermost trusted proxy
 *    wrote. The leftmost entry is whatever the client claimed and is never used.
 * 2. Else, under the app's own server (`npm start`, the demo, the e2e server): the address of
 *    the TCP connection, handed over in the per-process peer header.
 * 3. Else (plain `next start`): null. Next.js route handlers never see the socket, and Next
 *    fills `x-forwarded-for` only when the request did not bring one, so a client can write it.
 *    Unknown addresses are then throttled per account name (throttle-policy.ts) and production
 *    warns at start (startup-check.ts).
 */
export function clientIp(headers: Pick<Headers, "get">, env: NodeJS.ProcessEnv = process.env): string | null {
  const hops = Number(env.TRUST_PROXY ?? 0);
  if (Number.isInteger(hops) && hops >= 1) {
    const chain = (headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const candidate = chain[chain.length - hops];
    return candidate ? normaliseIp(candidate) : null;
  }
  const peer = peerHeaderName(env);
  const socketAddress = peer ? headers.get(peer) : null;
  return socketAddress ? normaliseIp(socketAddress) : null;
}

/** How the client address is known here, for the start-up check: a trusted proxy, the app's own server, or not at all. */
export function addressSource(env: NodeJS.ProcessEnv = process.env): "proxy" | "connection" | "unknown" {
  const hops = Number(env.TRUST_PROXY ?? 0);
  if (Number.isInteger(hops) && hops >= 1) return "proxy";
  return peerHeaderName(env) ? "connection" : "unknown";
}

/** One spelling per address: IPv4-mapped IPv6 as IPv4, IPv6 reduced to its /64 (one host's whole range). */
export function normaliseIp(raw: string): string | null {
  let ip = raw.trim();
  if (ip.startsWith("[") && ip.includes("]"))
    ip = ip.slice(1, ip.indexOf("]")); // [v6]:port
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(ip)) ip = ip.slice(0, ip.lastIndexOf(":")); // v4:port
  ip = ip.replace(/%.*$/, ""); // zone id
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) ip = mapped[1]!;
  const version = isIP(ip);
  if (version === 4) return ip;
  if (version !== 6) return null;
  return `${expandIpv6(ip).slice(0, 4).join(":")}::/64`;
}

function expandIpv6(ip: string): string[] {
  const [head, tail] = ip.toLowerCase().split("::") as [string, string | undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill("0");
  return [...left, ...zeros, ...right].map((g) => g.replace(/^0+(?=.)/, ""));
}
