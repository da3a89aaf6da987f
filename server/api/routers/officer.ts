import { createTRPCRouter } from "~/server/api/trpc";

/** Officers (班子成员/书记 roster) and the secretary record (干部考察参考). */
export const officerRouter = createTRPCRouter({});
