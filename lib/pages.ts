/**
 * The app's pages as the navigation names them, in one home: the main navigation (with the admin
 * pages grouped under “管理”) and the audit log, which names the page a refused call came from.
 * `label` is a message key of the UI messages. Pure; the browser uses it too.
 */
export type AppPage = { href: string; label: string; group: "main" | "admin" };

export const appPages = [
  { href: "/", label: "app.nav.todo", group: "main" },
  { href: "/dashboard", label: "app.nav.dashboard", group: "main" },
  { href: "/report", label: "app.nav.report", group: "main" },
  { href: "/meetings", label: "app.nav.meetings", group: "main" },
  { href: "/cases", label: "app.nav.cases", group: "main" },
  { href: "/inspections", label: "inspections.nav", group: "main" },
  { href: "/review", label: "review.nav", group: "main" },
  { href: "/completeness", label: "app.nav.completeness", group: "main" },
  { href: "/assessment", label: "app.nav.assessment", group: "main" },
  { href: "/admin/units", label: "app.nav.units", group: "admin" },
  { href: "/admin/users", label: "app.nav.users", group: "admin" },
  { href: "/admin/officers", label: "app.nav.officers", group: "admin" },
  { href: "/admin/catalogue", label: "app.nav.catalogue", group: "admin" },
  { href: "/admin/settings", label: "app.nav.settings", group: "admin" },
  { href: "/admin/audit", label: "app.nav.audit", group: "admin" },
] as const satisfies readonly AppPage[];

export type AppPageHref = (typeof appPages)[number]["href"];

/** The page a path belongs to (the longest navigation entry it starts with: /assessment/dashboard → 年度考核); null when none. */
export function pageOfPath(path: string): AppPage | null {
  const clean = path.split(/[?#]/)[0] ?? "";
  let best: AppPage | null = null;
  for (const p of appPages) {
    const hit = p.href === "/" ? clean === "/" : clean === p.href || clean.startsWith(`${p.href}/`);
    if (hit && (!best || p.href.length > best.href.length)) best = p;
  }
  return best;
}
