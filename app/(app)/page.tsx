import { requireActor } from "~/app/_lib/session";
import { getQueryClient, HydrateClient, trpc } from "~/app/_lib/trpc/server";
import { TodoClient } from "./todo-client";
import { ClientMessages } from "~/app/_lib/client-messages";

/** Home: the signed-in user's to-do list (待办). */
export default async function Home() {
  const actor = await requireActor();
  await getQueryClient()
    .prefetchQuery(trpc.todo.list.queryOptions())
    .catch(() => undefined);
  return (
    <ClientMessages entry="(app)/page">
      <HydrateClient>
        <TodoClient name={actor.displayName} />
      </HydrateClient>
    </ClientMessages>
  );
}
