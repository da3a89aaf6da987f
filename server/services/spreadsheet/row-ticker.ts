import "server-only";
import { setImmediate as nextTurn } from "node:timers/promises";

/**
 * Counts rows as the import checks or writes them, and every EVERY rows gives the event loop a
 * turn (so other users' requests are answered during a 200,000-row check) and reports the count.
 */
export type RowTicker = { tick(): Promise<void>; readonly count: number };

const EVERY = 500;

export function rowTicker(report?: (count: number) => void): RowTicker {
  let count = 0;
  return {
    async tick() {
      count++;
      if (count % EVERY === 0) {
        report?.(count);
        await nextTurn();
      }
    },
    get count() {
      return count;
    },
  };
}
