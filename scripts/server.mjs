// The app's own HTTP server around Next (instead of `next start`), so that the client address
// comes from the TCP connection when no trusted reverse proxy says it (issue 13.7). Next's
// route handlers never see the socket; this server writes the connection's address into a
// header whose name is random per process (DJZL_PEER_HEADER, read by server/auth/client-ip.ts)
// and overwrites it on every request, so a client can neither guess nor forge it.
//
//   node scripts/server.mjs [port]     (PORT, HOSTNAME also read; the build must exist)
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = Number(process.argv[2] ?? process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME || undefined;
const peerHeader = `x-djzl-peer-${randomBytes(16).toString("hex")}`;
process.env.DJZL_PEER_HEADER = peerHeader;

const app = next({ dev: false, dir: root, port, hostname: hostname ?? "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  for (const name of Object.keys(req.headers)) if (name.startsWith("x-djzl-peer-")) delete req.headers[name];
  if (req.socket.remoteAddress) req.headers[peerHeader] = req.socket.remoteAddress;
  handle(req, res).catch((err) => {
    console.error(err);
    if (!res.headersSent) res.writeHead(500).end();
  });
});
server.listen(port, hostname, () => console.log(`▲ Ready on http://${hostname ?? "localhost"}:${port}`));
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.close(() => process.exit(0)));
