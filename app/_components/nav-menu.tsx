"use client";

import { Link } from "~/app/_components/ui/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { cn } from "~/app/_lib/cn";

/**
 * A group of the main navigation behind one button (管理 for the admin pages), so the bar fits
 * on one line: a disclosure of plain links — Enter/Space opens it, Tab walks the links, Escape
 * or a click elsewhere closes it and focus returns to the button.
 */
export function NavMenu({ label, items }: { label: string; items: { href: string; label: string }[] }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();
  const current = items.some((i) => pathname === i.href || pathname.startsWith(`${i.href}/`));
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent | FocusEvent) => {
      if (e instanceof KeyboardEvent) {
        if (e.key !== "Escape") return;
        setOpen(false);
        button.current?.focus();
      } else if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    document.addEventListener("focusin", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
      document.removeEventListener("focusin", close);
    };
  }, [open]);
  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls="nav-menu-admin"
        className={cn("rounded px-1 py-1 whitespace-nowrap hover:bg-neutral-100", current && "font-medium text-party")}
        onClick={() => setOpen((o) => !o)}
      >
        {label}
        <span aria-hidden className="ml-0.5 text-neutral-500">
          ▾
        </span>
      </button>
      <ul
        id="nav-menu-admin"
        hidden={!open}
        className="absolute left-0 z-20 mt-1 w-40 rounded border border-neutral-200 bg-white py-1 shadow-md"
      >
        {items.map((i) => (
          <li key={i.href}>
            <Link
              href={i.href}
              aria-current={pathname === i.href || pathname.startsWith(`${i.href}/`) ? "page" : undefined}
              className="block px-3 py-1.5 whitespace-nowrap text-neutral-800 hover:bg-neutral-100 focus:bg-neutral-100"
            >
              {i.label}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
