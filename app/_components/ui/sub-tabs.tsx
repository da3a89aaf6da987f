"use client";

import { Link } from "~/app/_components/ui/link";
import { usePathname } from "next/navigation";
import { cn } from "~/app/_lib/cn";

export type SubTab = { key: string; /** the page's path, matched against the current one */ path: string; href: string; label: string };

/**
 * A section's sub-navigation: a row of links under a rule, the current page's link underlined
 * in the party colour and marked `aria-current="page"`; reached with Tab like any link.
 */
export function SubTabs({ label, tabs, testId }: { label: string; tabs: readonly SubTab[]; testId?: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="border-b border-neutral-200" data-testid={testId}>
      <ul className="-mb-px flex flex-wrap gap-1 text-sm">
        {tabs.map((tab) => {
          const active = pathname === tab.path;
          return (
            <li key={tab.key}>
              <Link
                href={tab.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "inline-block border-b-2 px-3 py-1.5 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-party",
                  active
                    ? "border-party font-medium text-party"
                    : "border-transparent text-neutral-600 hover:border-neutral-300 hover:text-neutral-900",
                )}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
