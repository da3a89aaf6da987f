import "server-only";
import { queryRows, type Db } from "~/db/client";
import type { Unit } from "~/db/schema";
import { assertUnitInScope, readableFromSql, readsOnlyOwnUnit, type Actor } from "~/server/scope";
import { meetingFlagCounts } from "~/server/services/meeting/flags";
import { getSetting } from "~/server/services/settings/get";
import { breadcrumb } from "./breadcrumb";
import { expectationTable, fillCompletion, fillDistribution } from "./meeting-quality-rows";
import {
  liveCompletionSql,
  liveDistributionSql,
  rollupCompletionSql,
  rollupDistributionSql,
  type BucketRow,
  type CompletionRow,
} from "./meeting-quality-sql";
import { checkedRange } from "~/server/lib/quarter-range";

export type MeetingQualityInput = { unitId: number; from: string; to: string };

/**
 * Meeting quality of a subtree (staff: their own unit) over a quarter range: 三会一课
 * completion per quarter and type (held / required by the frequency rules, summed over the
 * active units expected to hold them), the histogram of meeting quality scores, and the
 * formalism flags counted by kind (`flagCounts`; the flags themselves a page at a time from
 * `meeting.flagsPage` — a whole tree holds tens of thousands). Completion and histogram are one
 * indexed read each of the rollups (./meeting-quality-sql.ts), whatever the size of the subtree.
 */
export async function dashboardMeetingQuality({ db, actor }: { db: Db; actor: Actor }, input: MeetingQualityInput) {
  checkedRange(input.from, input.to); // a bad range is the caller's mistake before any scope question
  const root = await assertUnitInScope(db, actor, input.unitId, "read");
  const [charts, flagCounts, trail] = await Promise.all([
    meetingQualityCharts({ db, actor }, root, input),
    meetingFlagCounts(db, actor, root, { from: input.from, to: input.to }),
    breadcrumb(db, actor, root),
  ]);
  return { unitId: root.id, unitName: root.name, from: input.from, to: input.to, breadcrumb: trail, ...charts, flagCounts };
}

/**
 * The two charts of `dashboard.meetingQuality` for a unit already checked readable: a subtree
 * from the rollups, staff's own unit counted live (one unit's meetings, by index).
 */
export async function meetingQualityCharts(
  { db, actor }: { db: Db; actor: Actor },
  root: Pick<Unit, "id" | "path">,
  input: MeetingQualityInput,
) {
  const quarters = checkedRange(input.from, input.to);
  const table = expectationTable(await getSetting(db, "meetingFrequencies"));
  const range = { quarters, from: input.from, to: input.to };
  const onlyRoot = readsOnlyOwnUnit(actor);
  const inScope = readableFromSql(actor, root, "u");
  const [completion, buckets] = await Promise.all([
    queryRows<CompletionRow>(db, onlyRoot ? liveCompletionSql(inScope, table, range) : rollupCompletionSql(root.id, table, range)),
    queryRows<BucketRow>(db, onlyRoot ? liveDistributionSql(inScope, range) : rollupDistributionSql(root.id, range)),
  ]);
  return { completion: fillCompletion(quarters, completion), distribution: fillDistribution(buckets) };
}
