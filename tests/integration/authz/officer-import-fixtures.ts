import ExcelJS from "exceljs";
import type { Unit } from "~/db/schema";
import { upload } from "../spreadsheet-fixtures";
import type { Fixtures } from "./fixtures";

/** A 干部名册 file with one 委员 of the unit (the same file each time: a second import changes nothing). */
export const rosterSheet = (u: Unit, fx: Fixtures) =>
  fx.once(`rosterSheet:${u.id}`, async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("干部名册");
    ws.addRow(["单位编号", "姓名", "职务", "任职开始"]);
    ws.addRow([u.id, "授权导入委员", "委员", "2024-01-01"]);
    return upload(await wb.xlsx.writeBuffer(), "干部名册.xlsx");
  });
