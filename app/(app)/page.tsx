import { requireActor } from "~/app/_lib/session";
import { readForPage } from "~/app/_lib/trpc/page-read";
import { Todo } from "./todo";

/** Home: the signed-in user's to-do list (待办), rendered on the server. */
export default async function Home() {
  const actor = await requireActor();
  const todo = await readForPage((api) => api.todo.list());
  return <Todo name={actor.displayName} todo={todo} />;
}
