import { createRequestContext } from "~/server/api/context";
import { createTrpcHandler } from "~/server/api/http-handler";

// Batch size and body limits: server/api/http-handler.ts.
const handler = createTrpcHandler(() => createRequestContext({ reissueCookie: true }));

export { handler as GET, handler as POST };
