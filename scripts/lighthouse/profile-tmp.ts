// Throwaway: CPU profile of a page load under CPU x4, self time grouped by script position.
import { chromium } from "playwright";
import { writeFileSync } from "node:fs";
import { signIn } from "../bench/http";
import { startApp } from "./app-server";

const port = Number(process.argv[2] ?? 3571);
const pagePath = process.argv[3] ?? "/dashboard";
const app = await startApp({ port, distDir: ".next", logFile: `/tmp/prof-${port}.log` });
try {
  const cookie = await signIn(app.base, "leader", "demo1234");
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
  const ctx = await browser.newContext({ viewport: { width: 1350, height: 940 } });
  await ctx.addCookies(cookie.split("; ").map((p) => { const i = p.indexOf("="); return { name: p.slice(0, i), value: p.slice(i + 1), url: app.base }; }));
  const page = await ctx.newPage();
  await page.goto(app.base + pagePath); // warm
  for (let run = 0; run < 2; run++) {
    const cdp = await ctx.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: Number(process.env.RATE ?? 4) });
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
    await page.goto("about:blank");
    await cdp.send("Profiler.start");
    await page.goto(app.base + pagePath, { waitUntil: "load" });
    await page.waitForTimeout(4000);
    const { profile } = await cdp.send("Profiler.stop");
    writeFileSync(`/tmp/prof-${run}.cpuprofile`, JSON.stringify(profile));
  }
  await browser.close();
} finally {
  await app.stop();
}
