"use client";

import { lazyDialog } from "~/app/_components/ui/lazy-dialog";

/** 开始审议, loaded with the query layer when it first opens (the meeting page and the presentation). */
export const LazyStartDialog = lazyDialog(() => import("./start-dialog").then((m) => m.StartDialog));
