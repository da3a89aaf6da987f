import type { RouterInputs } from "~/app/_lib/trpc/types";

export const PAGE_SIZE = 50;

/** The list the page prefetches on the server; the client's unfiltered first query must equal it. */
export const firstPage = { page: 1, pageSize: PAGE_SIZE } satisfies RouterInputs["user"]["list"];
