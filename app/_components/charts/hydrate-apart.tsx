import { Suspense } from "react";

/**
 * A section of a dashboard that React hydrates on its own, in a task of its own after the page's
 * shell, instead of in one long task with the whole page (issue 16: TBT on a slow office PC).
 * Server-rendered content under a Suspense boundary is hydrated later and interruptibly; nothing
 * inside suspends (the data comes as props from the server's render), so no fallback is ever
 * shown and the markup is exactly the server's.
 *
 * Not around big cells of a grid: React streams a boundary whose HTML is larger than its
 * progressive chunk (≈ 12.8 kB — an SVG chart card is) after the page's shell, so the browser may
 * paint the page without it and move its neighbours when it arrives. On /dashboard and
 * /dashboard/meetings that was a layout shift of 0.27 and 0.14 (issue 16 allows 0.02); they
 * hydrate whole again, and draw their charts after hydration (useBoxSize's transition).
 */
export function HydrateApart({ children }: { children: React.ReactNode }) {
  return <Suspense>{children}</Suspense>;
}
