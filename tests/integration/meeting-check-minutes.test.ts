import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createActor } from "../factories";
import { freshBranch, meetingInput, nearCopy } from "./meeting-fixtures";
import { useTreeDb } from "./test-db";
import { trpcError } from "./trpc-expect";

/** meeting.checkMinutes: pasted minutes are checked for copying before the meeting is saved. */
const t = useTreeDb();
let admin: ReturnType<typeof callerFor>;

beforeAll(async () => {
  admin = callerFor(t.db, await createActor(t.db, "admin", t.tree.root));
});

const freshUnit = (name: string, parent = t.tree.branchA) => freshBranch(t.db, name, parent);

const texts = {
  river:
    "支部组织党员开展河道巡查志愿活动，沿岸清理垃圾二十余袋，劝导垂钓游客十余人次。活动后召开小结会，党员提出在河道沿线设置党员责任区，每周轮流巡查一次，并与社区网格员建立信息共享群，发现问题及时上报处置。",
  archive:
    "支委会研究档案数字化整理工作，通报了前期扫描进度和发现的破损卷宗情况。会议决定由两名党员牵头成立攻坚小组，制定周计划，对重要历史档案优先修复，年底前完成全部文书档案的数字化录入和质量抽检。",
};

describe("meeting.checkMinutes", () => {
  it("warns about minutes nearly identical to an earlier meeting of the same unit, naming it", async () => {
    const unit = await freshUnit("本单位雷同支部");
    const { id } = await admin.meeting.create(meetingInput(unit.id, { date: "2025-03-03", minutes: texts.river }));
    const staff = callerFor(t.db, await createActor(t.db, "staff", unit));
    const { match } = await staff.meeting.checkMinutes({ unitId: unit.id, date: "2025-06-03", minutes: nearCopy(texts.river) });
    expect(match).toMatchObject({
      outOfReach: false,
      meetingId: id,
      unitName: "本单位雷同支部",
      date: "2025-03-03",
      sameUnit: true,
      type: "group",
    });
    expect((match as { similarity: number }).similarity).toBeGreaterThanOrEqual(0.8);
    // The meeting being edited is not compared with itself; different minutes are not a match.
    expect(
      (await staff.meeting.checkMinutes({ unitId: unit.id, date: "2025-06-03", minutes: texts.river, meetingId: id })).match,
    ).toBeNull();
    expect((await staff.meeting.checkMinutes({ unitId: unit.id, date: "2025-06-03", minutes: texts.archive })).match).toBeNull();
    expect((await staff.meeting.checkMinutes({ unitId: unit.id, date: "2025-06-03", minutes: "太短" })).match).toBeNull();
  });

  it("names nothing of a match in a unit outside the caller's reach", async () => {
    const other = await freshUnit("范围外被抄支部", t.tree.branchB);
    const mine = await freshUnit("范围内填报支部");
    await admin.meeting.create(meetingInput(other.id, { date: "2025-04-10", minutes: texts.archive }));
    const staff = callerFor(t.db, await createActor(t.db, "staff", mine));
    const { match } = await staff.meeting.checkMinutes({ unitId: mine.id, date: "2025-05-10", minutes: nearCopy(texts.archive) });
    expect(match).toEqual({ outOfReach: true, similarity: expect.any(Number) });
    expect(JSON.stringify(match)).not.toContain("范围外被抄支部");
    // An admin reaches every unit and sees which meeting it is.
    const seen = await admin.meeting.checkMinutes({ unitId: mine.id, date: "2025-05-10", minutes: nearCopy(texts.archive) });
    expect(seen.match).toMatchObject({ outOfReach: false, unitName: "范围外被抄支部", sameUnit: false });
  });

  it("is asked only by who records the unit's meetings", async () => {
    const unit = await freshUnit("无权检查支部");
    const otherStaff = callerFor(t.db, await createActor(t.db, "staff", t.tree.leafB1));
    const err = await trpcError(otherStaff.meeting.checkMinutes({ unitId: unit.id, date: "2025-05-10", minutes: texts.archive }));
    expect(err.code).toBe("FORBIDDEN");
  });
});
