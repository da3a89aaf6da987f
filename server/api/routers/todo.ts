import { createTRPCRouter, protectedProcedure } from "~/server/api/trpc";
import { listTodo } from "~/server/services/todo/list";

export const todoRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listTodo(ctx)),
});
