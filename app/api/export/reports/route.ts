import { exportReports } from "~/server/services/spreadsheet/export-reports";
import { exportQuerySchema } from "~/server/services/spreadsheet/schemas";
import { fileRoute } from "../_lib/file-route";

export const dynamic = "force-dynamic";

/** `GET /api/export/reports?unit=<id>&from=YYYYQn&to=YYYYQn&format=xlsx|csv`: the subtree's reports. */
export function GET(req: Request) {
  return fileRoute(req, "export.reports", exportQuerySchema, exportReports);
}
