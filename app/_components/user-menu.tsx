"use client";

import { useTranslations } from "next-intl";
import { lazy, Suspense, useEffect, useRef, useState, useTransition } from "react";

// The confirmation's code loads when it is first asked for: not part of every page's first load.
const ConfirmDialog = lazy(() => import("./ui/confirm-dialog").then((m) => ({ default: m.ConfirmDialog })));

/**
 * The signed-in user's name as a menu button: “在所有设备上退出登录” (sign out everywhere) ends
 * every session of the account, e.g. after using a shared computer or losing a laptop.
 */
export function UserMenu({
  name,
  roleLabel,
  signOutEverywhere,
}: {
  name: string;
  roleLabel: string;
  signOutEverywhere: () => Promise<void>;
}) {
  const t = useTranslations("app.userMenu");
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [pending, start] = useTransition();
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === "Escape" : !root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);
  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        className="rounded px-2 py-1 hover:bg-neutral-200"
        onClick={() => setOpen((o) => !o)}
      >
        <span data-testid="current-user">
          {name}
          <span className="ml-1 text-neutral-500">{roleLabel}</span>
        </span>
        <span aria-hidden className="ml-1 text-neutral-500">
          ▾
        </span>
      </button>
      {open ? (
        <div role="menu" className="absolute right-0 z-20 mt-1 w-56 rounded border border-neutral-200 bg-white py-1 shadow-md">
          <button
            type="button"
            role="menuitem"
            autoFocus
            className="block w-full px-3 py-2 text-left text-sm text-neutral-800 hover:bg-neutral-100 focus:bg-neutral-100"
            onClick={() => {
              setOpen(false);
              setConfirming(true);
            }}
          >
            {t("everywhere")}
          </button>
        </div>
      ) : null}
      {confirming ? (
        // The header row does not wrap (whitespace-nowrap); the dialog's text must.
        <div className="whitespace-normal">
          <Suspense>
            <ConfirmDialog
              title={t("confirmTitle")}
              body={t("confirmBody")}
              closeLabel={t("close")}
              cancelLabel={t("cancel")}
              confirmLabel={t("confirm")}
              error={null}
              pending={pending}
              onClose={() => setConfirming(false)}
              onConfirm={() => start(() => signOutEverywhere())}
            />
          </Suspense>
        </div>
      ) : null}
    </div>
  );
}
