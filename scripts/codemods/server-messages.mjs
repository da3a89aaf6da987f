#!/usr/bin/env node
// One-off codemod (issue 14): inline server messages "中文（English）" → m("area.key", { values }),
// the texts into messages/{zh-CN,en}/server.json as ICU strings. Run: node scripts/codemods/server-messages.mjs [--dry]
// Review its output: keys are named from the English words, params from the `${…}` expressions.
import fs from "node:fs";
import path from "node:path";

const root = process.cwd();
const dry = process.argv.includes("--dry");
const skipFiles = new Set(["lib/server-message.ts", "lib/localise-message.ts"]);
const files = [];
const walk = (d) => {
  for (const e of fs.readdirSync(path.join(root, d), { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (p.endsWith(".ts") && !skipFiles.has(p)) files.push(p);
  }
};
walk("server");
walk("lib");

const readJson = (p) => (fs.existsSync(p) ? JSON.parse(fs.readFileSync(p, "utf8")) : { server: {} });
const zhPath = path.join(root, "messages/zh-CN/server.json");
const enPath = path.join(root, "messages/en/server.json");
const zhJson = readJson(zhPath);
const enJson = readJson(enPath);

const camel = (words) => words.map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())).join("");
const areaOf = (file) => {
  const parts = file.replace(/\.ts$/, "").split("/");
  if (parts[0] === "server" && parts[1] === "services") return camel(parts[2].split("-"));
  if (parts[0] === "server" && parts[1] === "api") return "api";
  if (parts[0] === "lib") return camel(parts[parts.length - 1].split("-"));
  if (parts[0] === "server" && parts[1] === "lib") return camel(parts[2].split("-"));
  return camel(parts[parts.length - 1].split("-"));
};

// Scan one line into literal tokens [{start, end, kind, parts:[{text}|{expr}]}].
function literals(line) {
  const out = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === "/" && line[i + 1] === "/") break;
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < line.length && line[j] !== c) j += line[j] === "\\" ? 2 : 1;
      const raw = line.slice(i, j + 1);
      out.push({ start: i, end: j + 1, kind: c, raw, parts: [{ text: raw.includes("\\") ? null : raw.slice(1, -1) }] });
      i = j + 1;
    } else if (c === "`") {
      let j = i + 1;
      const parts = [];
      let text = "";
      let bad = false;
      while (j < line.length && line[j] !== "`") {
        if (line[j] === "\\") {
          bad = true;
          text += line.slice(j, j + 2);
          j += 2;
        } else if (line[j] === "$" && line[j + 1] === "{") {
          let depth = 1;
          let k = j + 2;
          while (k < line.length && depth > 0) {
            if (line[k] === "{") depth++;
            else if (line[k] === "}") depth--;
            else if (line[k] === "`") bad = true;
            else if (line[k] === '"' || line[k] === "'") {
              const q = line[k];
              k++;
              while (k < line.length && line[k] !== q) k++;
            }
            k++;
          }
          parts.push({ text });
          text = "";
          parts.push({ expr: line.slice(j + 2, k - 1).trim() });
          j = k;
        } else text += line[j++];
      }
      parts.push({ text });
      out.push({ start: i, end: j + 1, kind: "`", raw: line.slice(i, j + 1), parts: bad ? [{ text: null }] : parts });
      i = j + 1;
    } else i++;
  }
  return out;
}

// Names for the expressions the rules below cannot name.
const named = {
  'allowed.map((f) => formZh[f]).join("、")': "forms",
  "self + mutual": "total",
  'spec.action.split(".")[1]': "action",
  'before?.status ?? "not started"': "status",
  'issue.values.map(String).join(" / ")': "optionsZh",
  'issue.values.map(String).join(", ")': "optionsEn",
  'Object.values(meetingTypeNames).join("、")': "types",
  "MAX_INFLATED_BYTES / 1024 / 1024": "maxMb",
  'allowed.map((t) => typeName[t].zh).join("、")': "allowedZh",
  'allowed.map((t) => typeName[t].en).join(", ")': "allowedEn",
  'below.map((b) => b.zh).join("、")': "belowZh",
  'below.map((b) => b.en).join(", ")': "belowEn",
  'join(zh, "、")': "whatZh",
  'join(todo, "，并")': "todo",
  'join(en, " and ")': "whatEn",
};
const upperSnake = (s) => (/^[A-Z0-9_]+$/.test(s) ? camel(s.split("_")) : s);
function nameOf(expr) {
  if (named[expr]) return named[expr];
  let e = expr.replace(/!/g, "");
  let suffix = "";
  const call = /^([\w$.]+)\((.*)\)$/.exec(e);
  if (call) {
    const args = call[2].split(",").map((a) => a.trim());
    if (/"zh-CN"/.test(call[2])) suffix = "Zh";
    else if (/"en"/.test(call[2])) suffix = "En";
    if (call[1] === "String" || call[1] === "formatQuarter" || call[1] === "mb") e = args[0];
    else if (/\.toLocaleString$/.test(call[1])) e = call[1].replace(/\.toLocaleString$/, "");
    else if (/\.toISOString$/.test(call[1])) e = call[1].replace(/\.toISOString$/, "");
    else return null;
  }
  const index = /^([\w$.]+)\[[^\]]+\]$/.exec(e);
  if (index) e = index[1];
  if (!/^[\w$.]+$/.test(e)) return null;
  const last = e.split(".").pop();
  return upperSnake(last === "this" ? "value" : last) + suffix;
}

const keysByText = new Map(); // area → Map(zh+en → key)
for (const [area, entries] of Object.entries(zhJson.server)) {
  const m = new Map();
  for (const [k, v] of Object.entries(entries)) m.set(`${v}\u0001${enJson.server[area][k]}`, k);
  keysByText.set(area, m);
}
const escapeIcu = (s) => s.replace(/'/g, "''").replace(/[{}]/g, (c) => `'${c}'`);
const report = [];
let converted = 0;
const records = [];

for (const file of files) {
  const src = fs.readFileSync(path.join(root, file), "utf8");
  const lines = src.split("\n");
  let changed = false;
  const area = areaOf(file);
  lines.forEach((line, n) => {
    if (/^\s*(\*|\/\*\*|\/\/)/.test(line)) return;
    const toks = literals(line).filter((t) => t.parts.every((p) => p.text !== null || p.expr));
    let out = line;
    for (const tok of toks.reverse()) {
      // Flatten with placeholders \u0000i\u0000.
      const exprs = [];
      let flat = "";
      for (const p of tok.parts) {
        if (p.expr !== undefined) {
          let idx = exprs.indexOf(p.expr);
          if (idx < 0) idx = exprs.push(p.expr) - 1;
          flat += `\u0000${idx}\u0000`;
        } else flat += p.text;
      }
      const mm = /^([\s\S]*[^\s])（([^（）]+)）$/.exec(flat);
      if (!mm || !/[\u4e00-\u9fff]/.test(mm[1])) continue;
      const [, zhFlat, enFlat] = mm;
      if (!/[A-Za-z]/.test(enFlat.replace(/\u0000\d+\u0000/g, ""))) continue;
      if (/[<>]/.test(flat.replace(/\u0000\d+\u0000/g, ""))) {
        report.push(`SKIP (<>) ${file}:${n + 1}`);
        continue;
      }
      // Names for the expressions.
      const names = [];
      let ok = true;
      exprs.forEach((ex, i) => {
        let nm = nameOf(ex);
        if (!nm) {
          nm = "value";
          report.push(`NAME ${file}:${n + 1} value ← ${ex}`);
        }
        let candidate = nm;
        for (let k = 2; names.includes(candidate); k++) candidate = `${nm}${k}`;
        names[i] = candidate;
      });
      if (!ok) continue;
      const icu = (s) =>
        s
          .split(/(\u0000\d+\u0000)/)
          .map((seg) => (/^\u0000\d+\u0000$/.test(seg) ? `{${names[Number(seg.slice(1, -1))]}}` : escapeIcu(seg)))
          .join("");
      const zhIcu = icu(zhFlat);
      const enIcu = icu(enFlat);
      // Key from the English words.
      const words = enFlat
        .replace(/\u0000\d+\u0000/g, " ")
        .replace(/'s\b/g, "")
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .slice(0, 6);
      const base = camel(words) || "message";
      const byText = keysByText.get(area) ?? new Map();
      keysByText.set(area, byText);
      let key = byText.get(`${zhIcu}\u0001${enIcu}`);
      if (!key) {
        key = base;
        for (let k = 2; [...byText.values()].includes(key); k++) key = `${base}${k}`;
        byText.set(`${zhIcu}\u0001${enIcu}`, key);
        (zhJson.server[area] ??= {})[key] = zhIcu;
        (enJson.server[area] ??= {})[key] = enIcu;
      }
      records.push({
        file,
        line: n + 1,
        key: `${area}.${key}`,
        literal: tok.raw,
        names: Object.fromEntries(exprs.map((ex, i) => [ex, names[i]])),
      });
      const args = exprs.map((ex, i) => (names[i] === ex ? ex : `${names[i]}: ${ex}`));
      const call = exprs.length ? `m("${area}.${key}", { ${args.join(", ")} })` : `m("${area}.${key}")`;
      out = out.slice(0, tok.start) + call + out.slice(tok.end);
      converted++;
      changed = true;
    }
    lines[n] = out;
  });
  if (changed) {
    let text = lines.join("\n");
    if (!/import \{[^}]*\bm\b[^}]*\} from "~\/lib\/server-message"/.test(text)) {
      const imports = [...text.matchAll(/^import [\s\S]*?from "[^"]+";\n/gm)];
      const at = imports.length ? imports[imports.length - 1].index + imports[imports.length - 1][0].length : 0;
      text = text.slice(0, at) + `import { m } from "~/lib/server-message";\n` + text.slice(at);
    }
    if (!dry) fs.writeFileSync(path.join(root, file), text);
  }
}
if (!dry) {
  fs.writeFileSync(zhPath, JSON.stringify(zhJson, null, 2) + "\n");
  fs.writeFileSync(enPath, JSON.stringify(enJson, null, 2) + "\n");
}
if (process.env.RECORDS) fs.writeFileSync(process.env.RECORDS, JSON.stringify(records, null, 1));
console.log(report.join("\n"));
console.log(`converted ${converted} literals`);
