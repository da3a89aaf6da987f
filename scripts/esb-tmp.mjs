import { build } from "esbuild";
import { gzipSync } from "node:zlib";
const entry = process.argv[2];
const r = await build({ entryPoints: [entry], bundle: true, minify: true, write: false, metafile: true, format: "esm", platform: "browser",
  external: ["react", "react-dom", "next", "next/*", "server-only"], alias: { "~": "." }, jsx: "automatic", logLevel: "error",
  define: { "process.env.NODE_ENV": '"production"' }, loader: { ".json": "json" } , tsconfig: "tsconfig.json"});
const out = Object.values(r.metafile.outputs)[0];
console.log("total min", out.bytes, "gz", gzipSync(r.outputFiles[0].contents).length);
const groups = {};
for (const [k, v] of Object.entries(out.inputs)) { const g = k.startsWith("node_modules/") ? k.split("/").slice(0, k.split("/")[1].startsWith("@") ? 3 : 2).join("/") : k; groups[g] = (groups[g] || 0) + v.bytesInOutput; }
Object.entries(groups).sort((a, b) => b[1] - a[1]).slice(0, 45).forEach(([k, v]) => console.log(String(v).padStart(7), k));
