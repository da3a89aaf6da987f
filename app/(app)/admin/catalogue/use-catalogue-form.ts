"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "~/app/_lib/trpc/react";
import { useServerErrors } from "~/app/_lib/use-server-errors";

// The catalogue's dialogs only (they load with the query layer, lazyDialog); the page reads itself again after their onDone.

/** Field errors and a form-level message from a failed mutation; `refresh` drops the tab's cached catalogue, indicators and dashboards on success. */
export function useCatalogueForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errors = useServerErrors();
  return {
    fieldErrors: errors.fields,
    message: errors.problem,
    onError: errors.show,
    refresh: async () => {
      errors.clear();
      await Promise.all([
        queryClient.invalidateQueries(trpc.catalogue.pathFilter()),
        queryClient.invalidateQueries(trpc.indicator.pathFilter()),
        queryClient.invalidateQueries(trpc.dashboard.pathFilter()),
      ]);
    },
  };
}
