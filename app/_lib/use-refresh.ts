"use client";

import { useRouter } from "next/navigation";
import { useCallback, useTransition } from "react";

/**
 * After a save on a page rendered from server data: `refresh(() => setNotice(message))` asks the
 * server for the page again and applies `update` in the same transition, so the message shows
 * together with the new data, never above the old (a person, or a test, reading the page right
 * after the message sees what was saved). `pending` is true until the new page is there.
 */
export function useRefresh() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const refresh = useCallback(
    (update?: () => void) =>
      startTransition(() => {
        update?.();
        router.refresh();
      }),
    [router],
  );
  return { refresh, pending };
}
