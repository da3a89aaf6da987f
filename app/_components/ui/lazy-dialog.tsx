"use client";

import dynamic from "next/dynamic";
import type { ComponentType } from "react";

/**
 * A dialog whose code loads when it first opens, so its form is not part of the page's first
 * load: `const MeetingDialog = lazyDialog(() => import("./meeting-dialog").then((m) => m.MeetingDialog))`.
 * For dialogs mounted only while they show (`{open ? <XDialog …/> : null}`, as every `Dialog` is);
 * nothing is drawn until the code is there (a few ms after the click on a warm server).
 */
export function lazyDialog<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  return dynamic(() => load().then((component) => ({ default: component })), { ssr: false }) as ComponentType<P>;
}
