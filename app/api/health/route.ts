import { sql } from "drizzle-orm";
import { getDb } from "~/db/client";
import { databaseUnavailableMessage, isDatabaseUnavailable } from "~/server/lib/db-unavailable";

export const dynamic = "force-dynamic";

const noStore = { "cache-control": "no-store" };

/** `GET /api/health`: 200 when the database answers, 503 when it is unreachable (load balancers, the error page). */
export async function GET() {
  try {
    await (await getDb()).execute(sql`select 1`);
    return Response.json({ status: "ok" }, { headers: noStore });
  } catch (err) {
    if (!isDatabaseUnavailable(err)) throw err;
    return Response.json({ status: "unavailable", message: databaseUnavailableMessage }, { status: 503, headers: noStore });
  }
}
