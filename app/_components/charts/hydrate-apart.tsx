import { Suspense } from "react";

/**
 * A section of a dashboard that React hydrates on its own, in a task of its own after the page's
 * shell, instead of in one long task with the whole page (issue 16: TBT on a slow office PC).
 * Server-rendered content under a Suspense boundary is hydrated later and interruptibly; nothing
 * inside suspends (the data is prefetched and read with useQuery), so no fallback is ever shown
 * and the markup is exactly the server's.
 */
export function HydrateApart({ children }: { children: React.ReactNode }) {
  return <Suspense>{children}</Suspense>;
}
