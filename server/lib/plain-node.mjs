// Lets server code marked `import "server-only"` run in plain Node, outside Next: the tsx scripts
// (`tsx --import ./server/lib/plain-node.mjs …`: seed, migrate, bench) and the heavy-work threads
// (server/workers/heavy-worker.mjs). Next resolves "server-only" with the react-server condition on
// the server and fails a build that pulls it into client code; plain Node has no such condition, so
// the package's default entry throws. This resolves that one package as the server does.
import { register } from "node:module";

register("./plain-node-hooks.mjs", import.meta.url);
