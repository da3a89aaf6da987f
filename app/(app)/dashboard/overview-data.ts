import type { RouterOutputs } from "~/app/_lib/trpc/types";

export type Overview = RouterOutputs["dashboard"]["overview"];
export type Heatmap = RouterOutputs["dashboard"]["heatmap"];
export type Completeness = RouterOutputs["dashboard"]["completeness"];
