import { createLoader, parseAsString, parseAsStringLiteral, type inferParserType } from "nuqs/server";
import type { RouterInputs } from "~/app/_lib/trpc/types";
import { parseAsPositiveId } from "~/app/_lib/url-params";
import { roles } from "~/lib/codes";

export const PAGE_SIZE = 50;

/**
 * The accounts list's filters and page in the URL (`unit`, `role`, `status`, `q`, `page`), read by
 * the page on the server and set by its filter row; left out when they are “all” / the first page.
 */
export const usersListParsers = {
  unit: parseAsPositiveId,
  role: parseAsStringLiteral(roles),
  status: parseAsStringLiteral(["active", "inactive"] as const),
  q: parseAsString,
  page: parseAsPositiveId,
};
export const loadUsersList = createLoader(usersListParsers);
export type UsersListParams = inferParserType<typeof usersListParsers>;

/** `user.list`'s input for the URL's filters. */
export function usersListInput(p: UsersListParams): RouterInputs["user"]["list"] {
  const search = p.q?.trim();
  return {
    page: p.page ?? 1,
    pageSize: PAGE_SIZE,
    ...(p.unit ? { unitId: p.unit } : {}),
    ...(p.role ? { role: p.role } : {}),
    ...(p.status ? { active: p.status === "active" } : {}),
    ...(search ? { search } : {}),
  };
}
