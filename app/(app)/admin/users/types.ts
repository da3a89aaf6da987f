import type { RouterOutputs } from "~/app/_lib/trpc/types";

/** One row of the accounts list, as the admin page and its dialogs see it. */
export type AdminUser = RouterOutputs["user"]["list"]["items"][number];
/** What a row's buttons open. */
export type UserAction = "edit" | "resetPassword" | "status";
