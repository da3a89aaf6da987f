"use client";

import dynamic from "next/dynamic";
import type { ComponentType } from "react";

/**
 * A dialog whose code loads when it first opens, so its form is not part of the page's first
 * load: `const MeetingDialog = lazyDialog(() => import("./meeting-dialog").then((m) => m.MeetingDialog))`.
 * For dialogs mounted only while they show (`{open ? <XDialog …/> : null}`, as every `Dialog` is);
 * nothing is drawn until the code is there (a few ms after the click on a warm server).
 *
 * The query layer (React Query + the tRPC client) comes with it, around the dialog: a page
 * rendered from server data has none until a dialog that saves something opens (the QueryClient
 * is one per browser tab, so the dialog shares the cache of a page that has one). After saving,
 * such a page asks the server for itself again (`router.refresh()`).
 */
export function lazyDialog<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  return dynamic(
    async () => {
      const [Dialog, { TRPCReactProvider }] = await Promise.all([load(), import("~/app/_lib/trpc/react")]);
      function WithQueryLayer(props: P) {
        return (
          <TRPCReactProvider>
            <Dialog {...props} />
          </TRPCReactProvider>
        );
      }
      return { default: WithQueryLayer };
    },
    { ssr: false },
  ) as ComponentType<P>;
}
