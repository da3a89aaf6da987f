import { QueryClient } from "@tanstack/react-query";

/** The browser's React Query cache, for the parts that load the query layer on use (dialogs, the unit picker, the spreadsheet import). */
export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30 * 1000, retry: (count, err) => count < 2 && !isClientError(err) },
    },
  });
}

/** 4xx answers (bad input, forbidden, conflict) are final: retrying will not change them. */
function isClientError(err: unknown): boolean {
  const status = (err as { data?: { httpStatus?: number } } | null)?.data?.httpStatus;
  return typeof status === "number" && status >= 400 && status < 500;
}
