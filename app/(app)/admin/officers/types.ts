import type { RouterOutputs } from "~/app/_lib/trpc/types";

/** One tenure of a unit's roster, as the roster page and its dialogs see it. */
export type RosterOfficer = RouterOutputs["officer"]["list"][number];
/** A person the 已有人员 search found, with their tenures. */
export type FoundPerson = RouterOutputs["officer"]["people"][number];
/** A roster import job (its preview or the import itself): progress, then what the file changes (新增 / 修改 / 不变) and its errors. */
export type RosterImportJob = RouterOutputs["importJob"]["get"];
