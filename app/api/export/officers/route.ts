import { buildRosterTemplate } from "~/server/services/officer-import/template";
import { rosterTemplateQuerySchema } from "~/server/services/officer-import/schemas";
import { fileRoute } from "../_lib/file-route";

export const dynamic = "force-dynamic";

/** `GET /api/export/officers?unit=<id>`: the officers roster template of a subtree, pre-filled with today's roster. */
export function GET(req: Request) {
  return fileRoute(req, "export.officers", rosterTemplateQuerySchema, buildRosterTemplate);
}
