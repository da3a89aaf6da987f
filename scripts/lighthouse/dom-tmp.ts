import { chromium } from "playwright";
import { signIn } from "../bench/http";
import { startApp } from "./app-server";
const port = Number(process.argv[2] ?? 3572);
const paths = process.argv.slice(3);
const app = await startApp({ port, distDir: ".next", logFile: `/tmp/dom-${port}.log` });
try {
  const cookie = await signIn(app.base, "leader", "demo1234");
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
  const ctx = await browser.newContext({ viewport: { width: 1350, height: 940 } });
  await ctx.addCookies(cookie.split("; ").map((p) => { const i = p.indexOf("="); return { name: p.slice(0, i), value: p.slice(i + 1), url: app.base }; }));
  const page = await ctx.newPage();
  for (const p of paths) {
    const res = await page.request.get(app.base + p);
    const html = await res.text();
    const flight = (html.match(/self\.__next_f\.push\(\[1,"[\s\S]*?"\]\)/g) ?? []).join("").length;
    await page.goto(app.base + p, { waitUntil: "networkidle" });
    const info = (await page.evaluate(`(() => {
      const out = [];
      function walk(el, depth) {
        const n = el.querySelectorAll("*").length;
        if (n > 60 && depth < 8) {
          const label = el.tagName.toLowerCase() + "." + String(el.className || "").slice(0, 40) + ' "' + (el.textContent || "").trim().slice(0, 24) + '"';
          out.push("  ".repeat(depth) + n + " " + label);
          for (const c of el.children) walk(c, depth + 1);
        }
      }
      walk(document.body, 0);
      return { total: document.querySelectorAll("*").length, out };
    })()`)) as { total: number; out: string[] };
    console.log(`== ${p}: DOM ${info.total}, HTML ${html.length} B, flight ${flight} B`);
    console.log(info.out.join("\n"));
  }
  await browser.close();
} finally {
  await app.stop();
}
