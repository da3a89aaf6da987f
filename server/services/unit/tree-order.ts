import "server-only";
import { sql } from "drizzle-orm";
import { units } from "~/db/schema";

/**
 * Tree order: the path's ids compared as integers, so every unit comes right after its parent
 * (and its whole subtree before the next sibling), siblings in creation order, whatever the
 * database collation (a text sort of `/1/10/` and `/1/9/` would depend on it).
 */
export const treeOrder = sql`string_to_array(trim(both '/' from ${units.path}), '/')::int[]`;
