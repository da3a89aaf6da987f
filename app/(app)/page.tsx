import { redirect } from "next/navigation";
import { requireActor } from "~/app/_lib/session";

/** Home: data-entry staff start at their report, everyone else at the overview. */
export default async function Home() {
  const actor = await requireActor();
  redirect(actor.role === "staff" ? "/report" : "/dashboard");
}
