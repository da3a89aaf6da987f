import { buildTemplate } from "~/server/services/spreadsheet/build-template";
import { templateQuerySchema } from "~/server/services/spreadsheet/schemas";
import { fileRoute } from "../_lib/file-route";

export const dynamic = "force-dynamic";

/** `GET /api/export/template?unit=<id>&quarter=YYYYQn[&subtree=1]`: the pre-filled .xlsx template. */
export function GET(req: Request) {
  return fileRoute(req, "export.template", templateQuerySchema, buildTemplate);
}
