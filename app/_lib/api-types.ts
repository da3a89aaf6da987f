import type { RouterInputs, RouterOutputs } from "~/app/_lib/trpc/types";

/**
 * Named shapes of the API that client code passes around, all derived from the router: the
 * client reads server data types only through `RouterOutputs`/`RouterInputs`, never from a service.
 */
// `unitId` is coerced by the server (so its input type is `unknown`); the client always sends a number.
type UnitInput<T> = Omit<T, "unitId"> & { unitId: number };
export type ListCasesInput = UnitInput<RouterInputs["case"]["list"]>;
export type ListInspectionsInput = UnitInput<RouterInputs["inspection"]["list"]>;
export type CaseDashboardInput = UnitInput<RouterInputs["case"]["dashboard"]>;
export type CaseDashboard = RouterOutputs["case"]["dashboard"];

type ReviewItem = RouterOutputs["review"]["get"]["items"][number];
/** Why a unit is on a review agenda (rule code and its figures). */
export type AgendaReason = ReviewItem["reasons"][number];
/** A score on a review slide, with the status of the report it comes from. */
export type SlideScore = ReviewItem["slide"]["composite"];
/** Which reports a review's scores count: approved only, or submitted ones too. */
export type ScoreInclusion = NonNullable<RouterInputs["review"]["propose"]["include"]>;

/** One admin setting as `settings.get` lists it, by key, with that key's value shape. */
export type SettingRow = RouterOutputs["settings"]["get"][number];
export type SettingKey = SettingRow["key"];
export type SettingValue<K extends SettingKey> = Extract<SettingRow, { key: K }>["value"];

/** `dashboard.quadrant`: the points (or, with many units, the density grid) and the 重业务轻党建 units. */
export type QuadrantData = RouterOutputs["dashboard"]["quadrant"];
