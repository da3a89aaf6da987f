import { beforeAll, describe, expect, it } from "vitest";
import type { CreateInspectionInput } from "~/server/services/inspection/schemas";
import { callersOn, useTreeDb, type Caller } from "./test-db";
import { auditRows, fieldErrorsOf, outcomeOf, trpcError } from "./trpc-expect";

/**
 * Issue 12, defect 9: an untouched inspection form records nothing (no implicit unit or result),
 * and a mistaken inspection can be withdrawn (撤回), audited, until a case is opened from it.
 */
const t = useTreeDb();
let admin: Caller, reviewerA: Caller, leaderA: Caller, staffA1: Caller, reviewerB: Caller;

beforeAll(async () => {
  ({ admin, reviewerA, leaderA, staffA1, reviewerB } = await callersOn(t, {
    admin: ["admin", "root"],
    reviewerA: ["reviewer", "branchA"],
    leaderA: ["leader", "branchA"],
    staffA1: ["staff", "leafA1"],
    reviewerB: ["reviewer", "branchB"],
  }));
});

const inspection = (unitId: number, over: Partial<CreateInspectionInput> = {}): CreateInspectionInput => ({
  unitId,
  inspectedOn: "2026-03-18",
  subject: "secretary",
  result: "basic",
  findings: "学习记录不全",
  reportedUpward: false,
  ...over,
});

describe("an untouched inspection form", () => {
  it("names every missing choice — unit first — and saves nothing", async () => {
    const before = (await admin.inspection.list({ unitId: t.tree.root.id })).totals.total;
    const errors = await fieldErrorsOf(reviewerA.inspection.create({ inspectedOn: "2026-03-18" } as never));
    expect(errors.unitId).toBe("请选择单位（Choose a unit）");
    expect(errors.result).toMatch(/^请选择检查结果/);
    expect(errors.subject).toMatch(/^请选择检查对象/);
    expect((await fieldErrorsOf(reviewerA.inspection.create({ ...inspection(0) }))).unitId).toBe("请选择单位（Choose a unit）");
    expect((await admin.inspection.list({ unitId: t.tree.root.id })).totals.total).toBe(before);
  });
});

describe("inspection.withdraw", () => {
  it("withdraws with an audit row; the inspection leaves lists, counts and case sources", async () => {
    const { id } = await reviewerA.inspection.create(inspection(t.tree.leafA1.id));
    const listed = await reviewerA.inspection.list({ unitId: t.tree.branchA.id });
    expect(listed.inspections.map((i) => i.id)).toContain(id);
    const { version } = await reviewerA.inspection.get({ id });
    expect(await reviewerA.inspection.withdraw({ id, version, reason: "单位选错，撤回" })).toEqual({ id, version: version + 1 });
    const after = await reviewerA.inspection.list({ unitId: t.tree.branchA.id });
    expect(after.inspections.map((i) => i.id)).not.toContain(id);
    expect(after.totals.total).toBe(listed.totals.total - 1);
    expect(after.totals.basic).toBe(listed.totals.basic - 1);
    const sources = await reviewerA.case.sourceOptions({ unitId: t.tree.leafA1.id, sourceType: "inspection" });
    expect(sources.map((s) => s.id)).not.toContain(id);
    const [audit] = await auditRows(t.db, "inspection.withdraw", id);
    expect(audit!.before).toMatchObject({ result: "basic", unitId: t.tree.leafA1.id });
    expect(audit!.after).toMatchObject({ withdrawReason: "单位选错，撤回" });
    // Withdrawn: no case can rest on it, it cannot be edited or withdrawn again.
    const caseErr = await fieldErrorsOf(
      reviewerA.case.create({
        unitId: t.tree.leafA1.id,
        subject: "secretary",
        category: "responsibility",
        rootCause: "misperception",
        form: "notice",
        facts: "一岗双责不落实",
        sourceType: "inspection",
        sourceId: id,
      }),
    );
    expect(caseErr.sourceId).toMatch(/已撤回/);
    expect(
      await outcomeOf(
        reviewerA.inspection.update({
          id,
          version: version + 1,
          inspectedOn: "2026-03-18",
          subject: "secretary",
          result: "pass",
          findings: "",
          reportedUpward: false,
        }),
      ),
    ).toBe("PRECONDITION_FAILED");
    expect(await outcomeOf(reviewerA.inspection.withdraw({ id, version: version + 1, reason: "再撤一次" }))).toBe("PRECONDITION_FAILED");
  });

  it("is refused once a case has been opened from the inspection, naming the case", async () => {
    const { id } = await reviewerA.inspection.create(inspection(t.tree.leafA1.id, { result: "fail" }));
    const { id: caseId } = await reviewerA.case.create({
      unitId: t.tree.leafA1.id,
      subject: "secretary",
      category: "responsibility",
      rootCause: "misperception",
      form: "notice",
      facts: "一岗双责检查不合格",
      sourceType: "inspection",
      sourceId: id,
    });
    const err = await trpcError(reviewerA.inspection.withdraw({ id, version: 1, reason: "想撤回" }));
    expect(err.code).toBe("PRECONDITION_FAILED");
    expect(err.message).toContain(`#${caseId}`);
    expect(err.message).toMatch(/^已据此检查立案/);
    expect((await reviewerA.inspection.list({ unitId: t.tree.leafA1.id })).inspections.map((i) => i.id)).toContain(id);
  });

  it("checks the version, the reason and the scope", async () => {
    const { id } = await reviewerA.inspection.create(inspection(t.tree.leafA1.id));
    expect(await outcomeOf(reviewerA.inspection.withdraw({ id, version: 7, reason: "误录" }))).toBe("CONFLICT");
    expect((await fieldErrorsOf(reviewerA.inspection.withdraw({ id, version: 1, reason: " " }))).reason).toMatch(/^请填写撤回原因/);
    expect(await outcomeOf(reviewerB.inspection.withdraw({ id, version: 1, reason: "误录" }))).toBe("NOT_FOUND");
    expect(await outcomeOf(staffA1.inspection.withdraw({ id, version: 1, reason: "误录" }))).toBe("FORBIDDEN");
    expect(await outcomeOf(leaderA.inspection.withdraw({ id, version: 1, reason: "误录" }))).toBe("FORBIDDEN");
    expect(await outcomeOf(admin.inspection.withdraw({ id, version: 1, reason: "误录" }))).toBe("ok");
  });
});
