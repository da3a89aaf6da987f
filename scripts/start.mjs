// `npm start` (production) and the last step of `npm run demo` (`--demo`): runs the built app
// (scripts/server.mjs, Next in the app's own HTTP server) on $PORT (default 3000). The server is started with node directly (not
// npx), so the child PID is the server's; SIGINT/SIGTERM are forwarded and the exit code is
// the server's.
//
// Secrets: AUTH_SECRET is required in production. With --demo and no AUTH_SECRET, a random
// secret is generated once into .data/auth-secret (mode 0600) and reused.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { constants as osConstants } from "node:os";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const demo = process.argv.includes("--demo");
const port = process.env.PORT || "3000";

function demoSecret() {
  const dataDir = path.join(root, ".data");
  const file = path.join(dataDir, "auth-secret");
  mkdirSync(dataDir, { recursive: true });
  if (existsSync(file)) {
    const existing = readFileSync(file, "utf8").trim();
    if (/^[0-9a-f]{64,}$/i.test(existing)) {
      chmodSync(file, 0o600);
      return existing;
    }
  }
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600); // the mode above is only applied when the file is created
  return secret;
}

let authSecret = process.env.AUTH_SECRET;
if (!authSecret) {
  if (!demo) {
    console.error(
      [
        "错误：生产环境必须设置 AUTH_SECRET（至少 32 个字符的随机字符串，例如 `openssl rand -hex 32`）。",
        "Error: AUTH_SECRET must be set for production (a random string of at least 32 characters, e.g. `openssl rand -hex 32`).",
        "       For a local demo with a generated secret, run `npm run demo` instead.",
      ].join("\n"),
    );
    process.exit(1);
  }
  authSecret = demoSecret();
  console.log("AUTH_SECRET is not set: using a generated demo secret from .data/auth-secret (not for production).");
}

if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.error("No production build found in .next — run `npm run build` first. / 未找到生产构建，请先运行 `npm run build`。");
  process.exit(1);
}

// DJZL_DEMO names the demo accounts on the login page.
const env = {
  ...process.env,
  NODE_ENV: "production",
  AUTH_SECRET: authSecret,
  NEXT_TELEMETRY_DISABLED: "1",
  ...(demo ? { DJZL_DEMO: "1" } : {}),
};
// The app's own server around Next (scripts/server.mjs): the client address comes from the
// connection when no TRUST_PROXY says otherwise (sign-in throttling per address).
const server = spawn(process.execPath, [path.join(root, "scripts/server.mjs"), port], {
  cwd: root,
  env,
  stdio: "inherit",
});

let exiting = false;
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    exiting = true;
    if (server.exitCode === null && server.signalCode === null) server.kill(sig);
  });
}

server.on("error", (err) => {
  console.error(`Could not start next: ${err.message}`);
  process.exit(1);
});

server.on("exit", (code, signal) => {
  if (code !== null) process.exit(code);
  const signo = signal ? (osConstants.signals[signal] ?? 0) : 0;
  process.exit(exiting || signo ? 128 + signo : 1);
});

if (demo) {
  // Announce the URL once the server answers (any HTTP status counts as up).
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 120_000;
  (async () => {
    while (Date.now() < deadline && server.exitCode === null && server.signalCode === null && !exiting) {
      try {
        await fetch(`${url}/login`, { redirect: "manual", signal: AbortSignal.timeout(2_000) });
        console.log(`党建质量看板 running at ${url} — demo accounts admin / leader / reviewer / staff, password demo1234`);
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 300));
      }
    }
  })();
}
