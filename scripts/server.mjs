// The app's own HTTP server around Next (instead of `next start`), so that the client address
// comes from the TCP connection when no trusted reverse proxy says it (issue 13.7). Next's
// route handlers never see the socket; this server writes the connection's address into a
// header whose name is random per process (DJZL_PEER_HEADER, read by server/auth/client-ip.ts)
// and overwrites it on every request, so a client can neither guess nor forge it.
//
//   node scripts/server.mjs [port]     (PORT, HOSTNAME also read; the build must exist)
//
// APP_WORKERS=N (default 1; "auto" = one per core) runs N such servers under node:cluster,
// sharing the port: nothing a request needs lives in one process's memory (the session cookie
// is decrypted with AUTH_SECRET by whichever process gets it, session rows and sign-in
// throttling are in the database), so any worker serves any request. Only with PostgreSQL
// (DATABASE_URL): the embedded PGlite database has no lock and stays one process.
import cluster from "node:cluster";
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = Number(process.argv[2] ?? process.env.PORT ?? 3000);
const workers = process.env.APP_WORKERS === "auto" ? availableParallelism() : Number(process.env.APP_WORKERS || 1);
if (!Number.isInteger(workers) || workers < 1) {
  console.error(`APP_WORKERS 须为正整数或 auto（must be a positive integer or "auto"）: ${process.env.APP_WORKERS}`);
  process.exit(2);
}
if (workers > 1 && !process.env.DATABASE_URL) {
  console.error("APP_WORKERS > 1 需要 PostgreSQL（DATABASE_URL）：内置 PGlite 只能由一个进程使用。 (PGlite is one process only.)");
  process.exit(2);
}

if (workers > 1 && cluster.isPrimary) {
  let stopping = false;
  for (let i = 0; i < workers; i++) cluster.fork();
  // A worker that dies is replaced (not while stopping); the others go on serving meanwhile.
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    console.error(`worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    cluster.fork();
  });
  for (const sig of ["SIGINT", "SIGTERM"]) {
    process.on(sig, () => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(sig);
      const timer = setTimeout(() => process.exit(0), 10_000);
      cluster.on("exit", () => {
        if (Object.keys(cluster.workers ?? {}).length === 0) {
          clearTimeout(timer);
          process.exit(0);
        }
      });
    });
  }
} else {
  await serve();
}

async function serve() {
  const hostname = process.env.HOSTNAME || undefined;
  // (per process: in a cluster each worker writes and reads its own)
  const peerHeader = `x-djzl-peer-${randomBytes(16).toString("hex")}`;
  process.env.DJZL_PEER_HEADER = peerHeader;

  const app = next({ dev: false, dir: root, port, hostname: hostname ?? "localhost" });
  const handle = app.getRequestHandler();
  await app.prepare();
  // The API lane (server/api/lane.ts, installed by instrumentation.ts when Next starts the app):
  // /api/trpc/* answered without Next's router and route runtime. Until it is installed, and with
  // DJZL_API_LANE=0 (for comparison), they go through Next's route handler — the same code behind it.
  const laneOff = process.env.DJZL_API_LANE === "0";

  const server = createServer((req, res) => {
    for (const name of Object.keys(req.headers)) if (name.startsWith("x-djzl-peer-")) delete req.headers[name];
    if (req.socket.remoteAddress) req.headers[peerHeader] = req.socket.remoteAddress;
    const lane = laneOff ? undefined : globalThis.__djzlApiLane;
    const answer = lane?.matches(req.url) ? lane.handle(req, res) : handle(req, res);
    answer.catch((err) => {
      console.error(err);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  server.listen(port, hostname, () =>
    console.log(`▲ Ready on http://${hostname ?? "localhost"}:${port}${cluster.isWorker ? ` (worker ${process.pid})` : ""}`),
  );
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.close(() => process.exit(0)));
}
