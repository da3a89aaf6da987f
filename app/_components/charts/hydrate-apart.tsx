import { Activity } from "react";

/**
 * A section of a page that React hydrates on its own, after the page's shell and in slices of a
 * few milliseconds, instead of inside one long task with the whole page (issue 16: total blocking
 * time on a slow office PC). A visible `<Activity>` boundary: the server writes its HTML inline
 * (`<!--&-->`…`<!--/&-->`) and React hydrates it later at offscreen priority, interruptibly; a
 * click on it before then hydrates it at once and is replayed. Usable from server and client
 * components alike.
 *
 * Not a Suspense boundary (as until session 14): React's server renderer wrote some complete
 * Suspense boundaries after the shell (four of /dashboard's six cards, every time, at 1.5–3.9 kB
 * each), so the browser painted the page without them and moved their neighbours when they
 * arrived (CLS 0.13 at CPU ×4; 0.25–0.27 on the dashboards and the unit page in earlier sessions).
 * An Activity boundary never streams on its own: what it holds comes with the shell.
 */
export function HydrateApart({ children }: { children: React.ReactNode }) {
  return <Activity mode="visible">{children}</Activity>;
}
