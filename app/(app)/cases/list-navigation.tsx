"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, useTransition } from "react";
import { PendingBox } from "~/app/_components/ui/pending-box";

type Nav = { pending: boolean; navigate: (href: string) => void; refresh: (update?: () => void) => void };
const Navigation = createContext<Nav>({ pending: false, navigate: () => undefined, refresh: () => undefined });

/**
 * A list rendered from server data whose filters live in the URL (cases, inspections): a filter
 * change navigates in a transition, and `ListPending` dims the old rows until the new render is there.
 */
export function ListNavigation({ children }: { children: React.ReactNode }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const navigate = (href: string) => startTransition(() => router.push(href));
  // After a save: the page again, with `update` (a success message) shown when it is there, not before.
  const refresh = (update?: () => void) =>
    startTransition(() => {
      update?.();
      router.refresh();
    });
  return <Navigation.Provider value={{ pending, navigate, refresh }}>{children}</Navigation.Provider>;
}

/** Pushes the list's URL with new filters (a history entry, so the back button returns to the old ones). */
export const useListNavigate = () => useContext(Navigation).navigate;

/** Reads the list again after a save (`refresh(() => setNotice(…))`); the rows dim meanwhile. */
export const useListRefresh = () => useContext(Navigation).refresh;

export function ListPending({ className, children }: { className?: string; children: React.ReactNode }) {
  return (
    <PendingBox pending={useContext(Navigation).pending} className={className}>
      {children}
    </PendingBox>
  );
}
