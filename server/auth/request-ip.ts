import { requestHeaders } from "~/server/http/request-headers";
import { clientIp } from "./client-ip";

/** The trusted client address of the request being handled (client-ip.ts); null outside a request or when untrusted. */
export async function requestIp(): Promise<string | null> {
  try {
    return clientIp(await requestHeaders());
  } catch {
    return null; // called outside a request (tests, scripts)
  }
}
