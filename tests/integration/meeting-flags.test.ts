import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createActor } from "../factories";
import { freshBranch, meetingInput, minutesTexts, nearCopy } from "./meeting-fixtures";
import { useTreeDb } from "./test-db";

/** meeting.flags: each formalism flag with a case that raises it and one that must not. */
const t = useTreeDb();
let admin: ReturnType<typeof callerFor>;

beforeAll(async () => {
  admin = callerFor(t.db, await createActor(t.db, "admin", t.tree.root));
});

const freshUnit = (name: string, parent = t.tree.branchA) => freshBranch(t.db, name, parent);

const flagsOf = (unitId: number, from = "2025Q1", to = "2025Q4") => admin.meeting.flags({ unitId, from, to });

/** Minutes no other test here uses, so the stored matches below cannot pick another test's meetings. */
const ownTexts = {
  audit:
    "支部召开专题会议，学习审计整改工作的有关要求。分管领导通报了去年审计发现的固定资产账实不符、合同管理不规范两类问题，逐条分析成因。党员围绕制度执行谈了各自看法，会议决定成立整改专班，月底前完成资产清查，并将合同审查纳入支委会议事范围。",
  flood:
    "汛期来临前，支部组织党员检查辖区排水设施和危旧房屋，发现隐患点七处。随后召开党员大会通报检查结果，明确每处隐患由一名党员包干负责，建立问题清单和销号制度。老党员王师傅提出要提前储备沙袋和抽水泵，得到大家赞同。",
  digital:
    "党小组围绕数字化办公开展学习讨论，邀请信息中心同志演示新上线的公文流转系统。大家反映系统在移动端审批、附件预览方面还不够便利，小组长汇总了六条改进建议，报送机关党委。会后党员互相结对，帮助年龄较大的同志熟练使用新系统。",
  redBase:
    "支部书记带领党员赴红色教育基地开展主题党日活动，重温入党誓词，参观革命历史陈列。返程途中，大家交流了参观感受，认为先辈们在艰苦条件下坚守信仰的事迹令人动容，表示要在本职岗位上做到爱岗敬业、廉洁奉公，以实际行动践行初心使命。",
};

describe("meeting.flags", () => {
  it("flags zero criticism at 组织生活会 / 民主生活会 only", async () => {
    const unit = await freshUnit("零批评测试支部");
    const { id: silent } = await admin.meeting.create(meetingInput(unit.id, { type: "org_life", date: "2025-06-10", criticalOpinions: 0 }));
    await admin.meeting.create(meetingInput(unit.id, { type: "org_life", date: "2025-06-11", criticalOpinions: 6 }));
    await admin.meeting.create(meetingInput(unit.id, { type: "group", date: "2025-06-12", criticalOpinions: 0 })); // not a life meeting
    const flags = (await flagsOf(unit.id)).filter((f) => f.kind === "zero_criticism");
    expect(flags).toEqual([
      expect.objectContaining({
        unitId: unit.id,
        unitName: "零批评测试支部",
        quarter: "2025Q2",
        meetingId: silent,
        meetingType: "org_life",
        date: "2025-06-10",
        evidence: { type: "org_life", date: "2025-06-10", count: 0 },
      }),
    ]);
  });

  it("flags attendance under two thirds, and not at exactly two thirds", async () => {
    const unit = await freshUnit("出勤测试支部");
    const { id: low } = await admin.meeting.create(meetingInput(unit.id, { date: "2025-04-10", expected: 12, present: 7 }));
    await admin.meeting.create(meetingInput(unit.id, { date: "2025-04-11", expected: 12, present: 8 })); // exactly 2/3
    const flags = (await flagsOf(unit.id)).filter((f) => f.kind === "low_attendance");
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ meetingId: low, evidence: { present: 7, expected: 12, ratio: 0.58 } });
  });

  it("flags minutes copied from another unit's meeting, with the other meeting as evidence", async () => {
    const source = await freshUnit("被抄袭支部", t.tree.branchB);
    const copier = await freshUnit("抄袭支部");
    const { id: original } = await admin.meeting.create(meetingInput(source.id, { date: "2025-05-08", minutes: minutesTexts.budget }));
    // Another unit may copy an earlier or a later record: either way both are the same text.
    const { id: copy } = await admin.meeting.create(
      meetingInput(copier.id, { date: "2025-04-02", minutes: nearCopy(minutesTexts.budget) }),
    );
    const flags = (await flagsOf(copier.id)).filter((f) => f.kind === "copied_minutes");
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      meetingId: copy,
      evidence: { otherMeetingId: original, otherUnitId: source.id, otherUnitName: "被抄袭支部", otherDate: "2025-05-08", sameUnit: false },
    });
    const similarity = flags[0]!.evidence.similarity as number;
    expect(similarity).toBeGreaterThanOrEqual(0.8);
    expect(similarity).toBeLessThan(1);
    expect(Math.round(similarity * 100)).toBe(similarity * 100); // two decimals
  });

  it("flags minutes copied from an earlier meeting of the same unit, not the earlier meeting itself", async () => {
    const unit = await freshUnit("自我抄袭支部");
    const { id: first } = await admin.meeting.create(
      meetingInput(unit.id, { type: "party_lecture", date: "2025-03-05", minutes: minutesTexts.lecture }),
    );
    const { id: second } = await admin.meeting.create(
      meetingInput(unit.id, { type: "party_lecture", date: "2025-06-05", minutes: minutesTexts.lecture }),
    );
    const flags = (await flagsOf(unit.id)).filter((f) => f.kind === "copied_minutes");
    expect(flags.map((f) => f.meetingId)).toEqual([second]);
    expect(flags[0]!.evidence).toMatchObject({ otherMeetingId: first, sameUnit: true, similarity: 1 });
  });

  it("does not flag meetings that merely share a topic, nor short minutes", async () => {
    const unit = await freshUnit("同题不同文支部");
    const topic = "学习贯彻党的二十届四中全会精神";
    for (const [date, minutes] of [
      ["2025-07-03", minutesTexts.inspection],
      ["2025-08-03", minutesTexts.volunteer],
      ["2025-08-20", "传达学习文件，党员交流体会。"],
      ["2025-09-02", "传达学习文件，党员交流体会。"], // identical, but too short to judge
    ] as const) {
      await admin.meeting.create(meetingInput(unit.id, { date, topic, minutes }));
    }
    expect((await flagsOf(unit.id)).filter((f) => f.kind === "copied_minutes")).toEqual([]);
  });

  it("flags a quarter whose three or more meetings all fall in its last 10 days", async () => {
    const unit = await freshUnit("季末突击支部");
    for (const date of ["2025-09-21", "2025-09-26", "2025-09-30"]) await admin.meeting.create(meetingInput(unit.id, { date }));
    // Q4: three meetings, one a day before the window (21 Dec is 11 days before the end).
    for (const date of ["2025-12-21", "2025-12-28", "2025-12-30"]) await admin.meeting.create(meetingInput(unit.id, { date }));
    // Q2: only two meetings, both at the end.
    for (const date of ["2025-06-25", "2025-06-30"]) await admin.meeting.create(meetingInput(unit.id, { date }));
    const flags = (await flagsOf(unit.id)).filter((f) => f.kind === "quarter_end_bunching");
    expect(flags).toEqual([
      expect.objectContaining({
        unitId: unit.id,
        quarter: "2025Q3",
        meetingId: null,
        evidence: { count: 3, firstDate: "2025-09-21", lastDate: "2025-09-30" },
      }),
    ]);
  });

  it("covers the subtree for a leader and only their own unit for staff", async () => {
    const unit = await freshUnit("范围测试支部");
    await admin.meeting.create(meetingInput(unit.id, { type: "org_life", date: "2025-11-03", criticalOpinions: 0 }));
    const leader = callerFor(t.db, await createActor(t.db, "leader", t.tree.branchA));
    const fromBranch = await leader.meeting.flags({ unitId: t.tree.branchA.id, from: "2025Q4", to: "2025Q4" });
    expect(fromBranch.some((f) => f.unitId === unit.id && f.kind === "zero_criticism")).toBe(true);
    expect(await leader.meeting.flags({ unitId: t.tree.branchA.id, from: "2025Q4", to: "2025Q4", subtree: false })).toEqual([]);
    const leaderB = callerFor(t.db, await createActor(t.db, "leader", t.tree.branchB));
    expect(await leaderB.meeting.flags({ unitId: t.tree.branchB.id, from: "2025Q4", to: "2025Q4" })).toEqual([]);
    const staff = callerFor(t.db, await createActor(t.db, "staff", unit));
    const own = await staff.meeting.flags({ unitId: unit.id, from: "2025Q4", to: "2025Q4" });
    expect(own.map((f) => f.kind)).toEqual(["zero_criticism"]);
  });

  it("says whether the caller may open the other meeting of a copied pair", async () => {
    const source = await freshUnit("范围外来源支部", t.tree.branchB);
    const copier = await freshUnit("范围内抄袭支部");
    const text = minutesTexts.lifeMeeting.replace("十二条", "九条");
    await admin.meeting.create(meetingInput(source.id, { type: "org_life", date: "2025-10-09", minutes: text }));
    await admin.meeting.create(meetingInput(copier.id, { type: "org_life", date: "2025-10-20", minutes: nearCopy(text) }));
    const staff = callerFor(t.db, await createActor(t.db, "staff", copier));
    const [flag] = (await staff.meeting.flags({ unitId: copier.id, from: "2025Q4", to: "2025Q4" })).filter(
      (f) => f.kind === "copied_minutes",
    );
    // Out of reach: no unit name, meeting id or date of the other meeting (issue 13).
    expect(flag?.evidence).toEqual({
      otherReadable: false,
      sameUnit: false,
      similarity: expect.any(Number),
      message: expect.stringMatching(/^与范围外单位的会议记录高度相似/),
    });
    expect(JSON.stringify(flag)).not.toMatch(/范围外来源支部|2025-10-09/);
    const [asAdmin] = (await flagsOf(copier.id, "2025Q4", "2025Q4")).filter((f) => f.kind === "copied_minutes");
    expect(asAdmin?.evidence.otherReadable).toBe(true);
  });

  it("clears the flag when the copy's minutes, or its source's, are edited so they no longer match", async () => {
    const source = await freshUnit("改写来源支部", t.tree.branchB);
    const copier = await freshUnit("改写抄袭支部");
    const copiedFlags = async () => (await flagsOf(copier.id)).filter((f) => f.kind === "copied_minutes");
    const original = await admin.meeting.create(meetingInput(source.id, { date: "2025-02-10", minutes: ownTexts.audit }));
    const input = meetingInput(copier.id, { date: "2025-02-20", minutes: nearCopy(ownTexts.audit) });
    const copy = await admin.meeting.create(input);
    expect((await copiedFlags()).map((f) => [f.meetingId, f.evidence.otherMeetingId])).toEqual([[copy.id, original.id]]);

    // The copier rewrites its own minutes.
    await admin.meeting.update({ ...input, minutes: ownTexts.digital, id: copy.id, version: 1 });
    expect(await copiedFlags()).toEqual([]);
    // It copies again …
    await admin.meeting.update({ ...input, date: "2025-02-21", id: copy.id, version: 2 });
    expect((await copiedFlags()).map((f) => f.evidence.otherMeetingId)).toEqual([original.id]);
    // … and then the source rewrites its minutes: the copy now matches nothing.
    await admin.meeting.update({
      ...meetingInput(source.id, { date: "2025-02-10", minutes: ownTexts.redBase }),
      id: original.id,
      version: 1,
    });
    expect(await copiedFlags()).toEqual([]);
  });

  it("matches again when the source meeting is deleted: another source, then none", async () => {
    const first = await freshUnit("删除来源一支部", t.tree.branchB);
    const second = await freshUnit("删除来源二支部", t.tree.branchB);
    const copier = await freshUnit("删除后抄袭支部");
    const text = ownTexts.flood;
    const a = await admin.meeting.create(meetingInput(first.id, { date: "2025-07-01", minutes: text }));
    const b = await admin.meeting.create(
      meetingInput(second.id, { date: "2025-07-02", minutes: text.replace("七处", "九处").replace("赞同", "认可") }),
    );
    const c = await admin.meeting.create(meetingInput(copier.id, { date: "2025-07-03", minutes: text }));
    const copiedOf = async (unitId: number) =>
      (await flagsOf(unitId)).filter((f) => f.kind === "copied_minutes").map((f) => [f.meetingId, f.evidence.otherMeetingId]);
    // The identical text is the best match; an earlier meeting of another unit is flagged by a later copy too.
    expect(await copiedOf(copier.id)).toEqual([[c.id, a.id]]);
    expect(await copiedOf(first.id)).toEqual([[a.id, c.id]]);
    expect(await copiedOf(second.id)).toEqual([[b.id, a.id]]);

    await admin.meeting.delete({ id: a.id, version: 1 });
    expect(await copiedOf(copier.id)).toEqual([[c.id, b.id]]);
    expect(await copiedOf(second.id)).toEqual([[b.id, c.id]]);
    await admin.meeting.delete({ id: b.id, version: 1 });
    expect(await copiedOf(copier.id)).toEqual([]);
  });
});
