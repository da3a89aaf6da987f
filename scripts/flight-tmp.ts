import { signIn } from "./bench/http";
import { startApp } from "./lighthouse/app-server";
const port = Number(process.argv[2]);
const app = await startApp({ port, distDir: ".next", logFile: `/tmp/fl-${port}.log` });
try {
  const cookie = await signIn(app.base, "leader", "demo1234");
  for (const p of process.argv.slice(3)) {
    const html = await (await fetch(app.base + p, { headers: { cookie } })).text();
    const chunks = [...html.matchAll(/self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g)].map((m) => JSON.parse(m[1]!) as string);
    const flight = chunks.join("");
    console.log(`== ${p} html ${html.length} flight ${flight.length}`);
    for (const line of flight.split("\n")) { if (line.length > 1500) console.log(line.length, line.slice(0, 120)); for (const m of line.matchAll(/"queryKey":(\[\[[^\]]*\][^\]]*\])/g)) console.log("   key", m[1]); }
  }
} finally { await app.stop(); }
