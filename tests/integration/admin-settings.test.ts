import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "~/db/schema";
import { getSetting } from "~/server/services/settings/get";
import { callerFor, createActor } from "../factories";
import { useTreeDb } from "./test-db";
import { fieldErrorsOf, outcomeOf } from "./trpc-expect";

const t = useTreeDb();
let admin: ReturnType<typeof callerFor>;
let adminId: number;

beforeAll(async () => {
  const actor = await createActor(t.db, "admin", t.tree.root);
  adminId = actor.id;
  admin = callerFor(t.db, actor);
});

const byKey = async (key: string) => (await admin.settings.get()).find((s) => s.key === key)!;

describe("settings.get", () => {
  it("lists every key with its default while nothing is saved (version 0)", async () => {
    const all = await admin.settings.get();
    expect(all.map((s) => s.key)).toEqual(["reportDeadlineDays", "meetingFrequencies", "quadrantCutoff"]);
    expect(all[0]).toMatchObject({ value: 15, default: 15, version: 0, updatedBy: null });
    expect(all[1]!.value).toMatchObject({ committee: { min: 1, per: "month" }, org_life: { min: 1, per: "year" } });
    expect(Object.keys(all[1]!.value as object)).toHaveLength(7);
    expect(all[2]).toMatchObject({ value: { mode: "mean" }, default: { mode: "mean" }, version: 0 });
  });
});

describe("settings.update", () => {
  it("saves a value, bumps the version, and audits before/after", async () => {
    expect(await admin.settings.update({ key: "reportDeadlineDays", value: 20, version: 0 })).toMatchObject({ value: 20, version: 1 });
    expect(await byKey("reportDeadlineDays")).toMatchObject({ value: 20, default: 15, version: 1, updatedBy: "测试admin" });
    expect(await getSetting(t.db, "reportDeadlineDays")).toBe(20);
    await admin.settings.update({ key: "reportDeadlineDays", value: 10, version: 1 });
    expect(await getSetting(t.db, "reportDeadlineDays")).toBe(10);

    const rows = await t.db.select().from(auditLog).where(eq(auditLog.action, "settings.update")).orderBy(auditLog.id);
    expect(rows.map((r) => [r.entityId, r.actorId, r.before, r.after])).toEqual([
      // The deadline is versioned: the audit row says from which quarter a change applies.
      [
        "reportDeadlineDays",
        adminId,
        { value: 15, version: 0 },
        { value: 20, version: 1, appliesFrom: expect.stringMatching(/^\d{4}Q[1-4]$/) },
      ],
      [
        "reportDeadlineDays",
        adminId,
        { value: 20, version: 1 },
        { value: 10, version: 2, appliesFrom: expect.stringMatching(/^\d{4}Q[1-4]$/) },
      ],
    ]);
  });

  it("changes the meeting frequency rules", async () => {
    const current = await byKey("meetingFrequencies");
    const value = {
      ...(current.value as Record<string, unknown>),
      party_lecture: { min: 1, per: "year" },
      group: { min: 2, per: "quarter" },
    };
    await admin.settings.update({ key: "meetingFrequencies", value, version: current.version });
    expect(await getSetting(t.db, "meetingFrequencies")).toMatchObject({
      party_lecture: { min: 1, per: "year" },
      group: { min: 2, per: "quarter" },
      committee: { min: 1, per: "month" },
    });
  });

  it("refuses a bad value with a message on the inner field, and saves nothing", async () => {
    const current = await byKey("meetingFrequencies");
    const value = current.value as Record<string, { min: number; per: string }>;
    const errors = await fieldErrorsOf(
      admin.settings.update({
        key: "meetingFrequencies",
        version: current.version,
        value: { ...value, committee: { min: -1, per: "month" }, group: { min: 1, per: "week" } },
      }),
    );
    expect(Object.keys(errors).sort()).toEqual(["value.committee.min", "value.group.per"]);
    expect(errors["value.committee.min"]).toContain("不能小于 0");
    expect(errors["value.group.per"]).toContain("month / quarter / year");
    const missing = await fieldErrorsOf(
      admin.settings.update({ key: "meetingFrequencies", version: current.version, value: { committee: { min: 1, per: "month" } } }),
    );
    expect(Object.keys(missing)).toContain("value.org_life");
    expect(await fieldErrorsOf(admin.settings.update({ key: "reportDeadlineDays", value: "abc", version: 2 }))).toEqual({
      value: "须填写整数（must be a whole number）",
    });
    expect(Object.keys(await fieldErrorsOf(admin.settings.update({ key: "reportDeadlineDays", value: 121, version: 2 })))).toEqual([
      "value",
    ]);
    expect(Object.keys(await fieldErrorsOf(admin.settings.update({ key: "reportDeadlineDays", value: 1.5, version: 2 })))).toEqual([
      "value",
    ]);
    expect(await fieldErrorsOf(admin.settings.update({ key: "noSuchKey" as "reportDeadlineDays", value: 1, version: 0 }))).toHaveProperty(
      "key",
    );
    expect(await byKey("meetingFrequencies")).toEqual(current);
    expect((await byKey("reportDeadlineDays")).value).toBe(10);
  });

  it("answers CONFLICT to a stale version, for a saved key and for a first save", async () => {
    expect(await outcomeOf(admin.settings.update({ key: "reportDeadlineDays", value: 30, version: 1 }))).toBe("CONFLICT");
    expect(await outcomeOf(admin.settings.update({ key: "reportDeadlineDays", value: 30, version: 0 }))).toBe("CONFLICT");
    expect((await byKey("reportDeadlineDays")).value).toBe(10);
  });
});

describe("authorization", () => {
  it.each(["leader", "reviewer", "staff"] as const)("refuses settings to %s", async (role) => {
    const caller = callerFor(t.db, await createActor(t.db, role, role === "staff" ? t.tree.leafA1 : t.tree.root));
    expect(await outcomeOf(caller.settings.get())).toBe("FORBIDDEN");
    expect(await outcomeOf(caller.settings.update({ key: "reportDeadlineDays", value: 1, version: 2 }))).toBe("FORBIDDEN");
    expect((await byKey("reportDeadlineDays")).value).toBe(10);
  });

  it("asks a signed-out caller to sign in", async () => {
    expect(await outcomeOf(callerFor(t.db, null).settings.get())).toBe("UNAUTHORIZED");
  });
});
