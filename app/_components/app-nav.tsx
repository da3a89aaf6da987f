import "server-only";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { hasCapability, readsReviews, type Actor, type Capability } from "~/server/scope";

type Item = { href: string; label: string; show: (actor: Actor) => boolean };

const everyone = () => true;
const can = (c: Capability) => (actor: Actor) => hasCapability(actor, c);
const oversees = (actor: Actor) => actor.role !== "staff";

/** The main navigation; links follow what the server allows (the server still checks every call). */
export async function AppNav({ actor }: { actor: Actor }) {
  const t = await getTranslations("app.nav");
  const items: Item[] = [
    { href: "/", label: t("todo"), show: everyone },
    { href: "/dashboard", label: t("dashboard"), show: everyone },
    { href: "/report", label: t("report"), show: everyone },
    { href: "/meetings", label: t("meetings"), show: everyone },
    { href: "/cases", label: t("cases"), show: everyone },
    { href: "/inspections", label: (await getTranslations("inspections"))("nav"), show: oversees },
    { href: "/review", label: (await getTranslations("review"))("nav"), show: readsReviews },
    { href: "/completeness", label: t("completeness"), show: oversees },
    { href: "/assessment", label: t("assessment"), show: everyone },
    { href: "/admin/units", label: t("units"), show: can("manageUnits") },
    { href: "/admin/users", label: t("users"), show: can("manageUsers") },
    { href: "/admin/officers", label: t("officers"), show: can("manageAssessment") },
    { href: "/admin/catalogue", label: t("catalogue"), show: can("manageCatalogue") },
    { href: "/admin/settings", label: t("settings"), show: can("manageSettings") },
    { href: "/admin/audit", label: t("audit"), show: can("viewAudit") },
  ];
  return (
    <nav aria-label={t("label")} className="order-last flex w-full flex-wrap gap-1 text-sm lg:order-none lg:w-auto lg:flex-1">
      {items
        .filter((i) => i.show(actor))
        .map((i) => (
          <Link key={i.href} className="whitespace-nowrap rounded px-1.5 py-1 hover:bg-neutral-100" href={i.href}>
            {i.label}
          </Link>
        ))}
    </nav>
  );
}
