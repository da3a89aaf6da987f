import { isIP } from "node:net";

/**
 * The client's address, or null when it cannot be trusted.
 *
 * Next.js route handlers never see the socket: the only source is `x-forwarded-for`, which
 * Next fills with the socket address only when the request did not bring one, so a client can
 * always write it. It is therefore read only with TRUST_PROXY=<n> (n ≥ 1 reverse proxies in
 * front that append the address they saw): the n-th entry from the right is the one the
 * outermost trusted proxy wrote. The leftmost entry is whatever the client claimed. Without
 * TRUST_PROXY every caller is "unknown" and shares one throttle bucket (throttle-policy.ts).
 */
export function clientIp(headers: Pick<Headers, "get">, env: NodeJS.ProcessEnv = process.env): string | null {
  const hops = Number(env.TRUST_PROXY ?? 0);
  if (!Number.isInteger(hops) || hops < 1) return null;
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const candidate = chain[chain.length - hops];
  return candidate ? normaliseIp(candidate) : null;
}

/** One spelling per address: IPv4-mapped IPv6 as IPv4, IPv6 reduced to its /64 (one host's whole range). */
export function normaliseIp(raw: string): string | null {
  let ip = raw.trim();
  if (ip.startsWith("[") && ip.includes("]")) ip = ip.slice(1, ip.indexOf("]")); // [v6]:port
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
