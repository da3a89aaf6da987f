/** The request header proxy.ts sets to the path of the page being rendered (and removes from API calls). */
export const pageHeader = "x-page-path";

const pathLike = /^\/[^\s]{0,300}$/;

/**
 * The page a request comes from, for the audit log: the page being rendered (proxy.ts's header),
 * else for a call from the browser the path of its same-origin Referer; null when unknown.
 */
export function pageOfRequest(h: Pick<Headers, "get">): string | null {
  const rendered = h.get(pageHeader);
  if (rendered && pathLike.test(rendered)) return rendered;
  const referer = h.get("referer");
  const host = h.get("host");
  if (!referer || !host) return null;
  try {
    const url = new URL(referer);
    return url.host === host && pathLike.test(url.pathname) ? url.pathname : null;
  } catch {
    return null;
  }
}
