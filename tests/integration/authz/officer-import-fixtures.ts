import ExcelJS from "exceljs";
import type { Unit } from "~/db/schema";
import { importRunnerIdle } from "~/server/services/import-job/runner";
import { upload } from "../spreadsheet-fixtures";
import type { Fixtures } from "./fixtures";

/**
 * A 干部名册 file with one 委员 of the unit (the same file each time: a second import changes
 * nothing). The roster procedures start a background job and one user may have one unfinished
 * job: the jobs of the calls before are waited for first.
 */
export const rosterSheet = async (u: Unit, fx: Fixtures) => {
  await importRunnerIdle();
  return rosterFile(u, fx);
};
const rosterFile = (u: Unit, fx: Fixtures) =>
  fx.once(`rosterSheet:${u.id}`, async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("干部名册");
    ws.addRow(["单位编号", "姓名", "职务", "任职开始"]);
    ws.addRow([u.id, "授权导入委员", "委员", "2024-01-01"]);
    return upload(await wb.xlsx.writeBuffer(), "干部名册.xlsx");
  });
