import "server-only";
import { Link } from "~/app/_components/ui/link";
import { getTranslations } from "next-intl/server";
import { appPages, type AppPageHref } from "~/lib/pages";
import { hasCapability, readsReviews, type Actor, type Capability } from "~/server/scope";
import { NavMenu } from "./nav-menu";

const everyone = () => true;
const can = (c: Capability) => (actor: Actor) => hasCapability(actor, c);
const oversees = (actor: Actor) => actor.role !== "staff";

/** Who sees each page's link; links follow what the server allows (the server still checks every call). */
const shownTo: Record<AppPageHref, (actor: Actor) => boolean> = {
  "/": everyone,
  "/dashboard": everyone,
  "/report": everyone,
  "/meetings": everyone,
  "/cases": everyone,
  "/inspections": oversees,
  "/review": readsReviews,
  "/completeness": oversees,
  "/assessment": everyone,
  "/admin/units": can("manageUnits"),
  "/admin/users": can("manageUsers"),
  "/admin/officers": can("manageAssessment"),
  "/admin/catalogue": can("manageCatalogue"),
  "/admin/settings": can("manageSettings"),
  "/admin/audit": can("viewAudit"),
};

/** The main navigation (lib/pages.ts): the everyday pages as links, the admin pages under one “管理” menu, so it fits one line. */
export async function AppNav({ actor }: { actor: Actor }) {
  const t = await getTranslations();
  const visible = appPages.filter((p) => shownTo[p.href](actor)).map((p) => ({ ...p, label: t(p.label) }));
  const admin = visible.filter((p) => p.group === "admin");
  return (
    <nav
      aria-label={t("app.nav.label")}
      className="order-last flex w-full flex-wrap items-center gap-0.5 text-sm lg:order-none lg:w-auto lg:flex-1"
    >
      {visible
        .filter((p) => p.group === "main")
        .map((p) => (
          <Link key={p.href} className="rounded px-1 py-1 whitespace-nowrap hover:bg-neutral-100" href={p.href}>
            {p.label}
          </Link>
        ))}
      {admin.length ? <NavMenu label={t("app.nav.admin")} items={admin.map(({ href, label }) => ({ href, label }))} /> : null}
    </nav>
  );
}
