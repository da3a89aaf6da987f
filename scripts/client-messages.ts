// Which message namespaces each route's client components use (issue 16, "In the browser"):
//
//   npx tsx scripts/client-messages.ts        writes i18n/client-namespaces.ts
//
// A route's entries are its page.tsx and its layouts (a layout also answers for the error.tsx,
// not-found.tsx, loading.tsx and template.tsx of its segment and of segments below it that have
// no layout of their own: they render inside it). From each entry the import graph is followed —
// `~/` and relative imports, `export … from`, dynamic `import()` (lazy dialogs and charts load
// later but need their messages too) — and every module at or below a "use client" boundary is
// read: a namespace is used when a string in it names the namespace or a key in it
// (`useTranslations("quadrant")`, `t("cases.forms.x")`, `` `status.${s}` ``). Uses the reading
// cannot resolve — a namespace not written out, `useMessages()`, a root translator called with a
// key from elsewhere — need a declaration in the file: `// client-messages: ns1 ns2 (why)`.
// tests/unit/client-messages.test.ts fails when the committed map is stale or a use is undeclared.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as prettier from "prettier";
import ts from "typescript";

export type EntryKey = string;
export type Analysis = {
  /** entry ("(app)/dashboard/page", "layout") → namespaces, sorted */
  entries: Record<EntryKey, string[]>;
  /** entry → namespace → the client modules that use it (`--why ENTRY`) */
  sources: Record<EntryKey, Record<string, string[]>>;
  /** files whose use of translations the reading cannot resolve and that declare nothing */
  undeclared: { file: string; line: number; what: string }[];
  /** declarations naming a namespace that does not exist */
  unknownDeclared: { file: string; namespace: string }[];
};

const boundaryFiles = [
  "error.tsx",
  "not-found.tsx",
  "loading.tsx",
  "template.tsx",
  "global-error.tsx",
  "forbidden.tsx",
  "unauthorized.tsx",
];
const extensions = [".ts", ".tsx", ".js", ".mjs", "/index.ts", "/index.tsx"];
/** No client component and no message key lives here (db/schema's table names would read as namespaces). */
const serverOnlyDirs = ["server/", "db/", "scripts/"];
const declarationPattern = /\/\/\s*client-messages:\s*([^\n]*)/g;

/** The namespaces the browser may get: the top-level keys of messages/zh-CN/*.json but server.json. */
export function knownNamespaces(root: string): Set<string> {
  const dir = path.join(root, "messages", "zh-CN");
  const names = new Set<string>();
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "server.json")) {
    for (const k of Object.keys(JSON.parse(readFileSync(path.join(dir, f), "utf8")) as object)) names.add(k);
  }
  return names;
}

type Module = {
  rel: string;
  client: boolean;
  server: boolean;
  imports: string[];
  namespaces: Set<string>;
  declared: string[];
  unresolved: { line: number; what: string }[];
};

function resolveImport(root: string, fromRel: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("~/")) base = spec.slice(2);
  else if (spec.startsWith(".")) base = path.posix.join(path.posix.dirname(fromRel), spec);
  else return null;
  for (const ext of ["", ...extensions]) {
    const rel = base + ext;
    const abs = path.join(root, rel);
    if (existsSync(abs) && statSync(abs).isFile() && /\.(tsx?|m?js)$/.test(rel)) return rel;
  }
  return null;
}

const directive = (sf: ts.SourceFile, text: string) =>
  sf.statements.some((s, i) => i < 3 && ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression) && s.expression.text === text);

/** A string's namespace when it names one ("quadrant") or a key in one ("cases.forms.x", "status."). */
function namespaceOf(text: string, known: Set<string>): string | null {
  const head = text.split(".")[0]!;
  return known.has(head) ? head : null;
}

/** A key argument whose namespace can be read from the code: a string, a template led by a namespace, a choice of such. */
function keyResolves(node: ts.Expression, known: Set<string>, helpers: Map<string, ts.Expression>): boolean {
  if (ts.isParenthesizedExpression(node)) return keyResolves(node.expression, known, helpers);
  // `const k = (key: string) => \`adminCatalogue.${key}\``, then `t(k("addForm.title"))`
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && helpers.has(node.expression.text)) {
    return keyResolves(helpers.get(node.expression.text)!, known, new Map());
  }
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return namespaceOf(node.text, known) !== null;
  if (ts.isTemplateExpression(node)) return node.head.text.includes(".") && namespaceOf(node.head.text, known) !== null;
  if (ts.isConditionalExpression(node)) return keyResolves(node.whenTrue, known, helpers) && keyResolves(node.whenFalse, known, helpers);
  return false;
}

function readModule(root: string, rel: string, known: Set<string>): Module {
  const text = readFileSync(path.join(root, rel), "utf8");
  const sf = ts.createSourceFile(rel, text, ts.ScriptTarget.Latest, true, rel.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const mod: Module = {
    rel,
    client: directive(sf, "use client"),
    server: directive(sf, "use server"),
    imports: [],
    namespaces: new Set(),
    declared: [],
    unresolved: [],
  };
  for (const m of text.matchAll(declarationPattern)) {
    mod.declared.push(
      ...m[1]!
        .replace(/\(.*$/, "")
        .split(/[\s,]+/)
        .filter(Boolean),
    );
  }
  const rootTranslators = new Set<string>();
  const keyHelpers = new Map<string, ts.Expression>();
  const line = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  const isHook = (n: ts.Node, name: string): n is ts.CallExpression =>
    ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === name;
  const unwrap = (n: ts.Expression): ts.Expression =>
    ts.isAsExpression(n) || ts.isParenthesizedExpression(n) || ts.isSatisfiesExpression(n) ? unwrap(n.expression) : n;

  const visit = (n: ts.Node) => {
    if (ts.isImportDeclaration(n) && !n.importClause?.isTypeOnly && ts.isStringLiteral(n.moduleSpecifier)) {
      const named = n.importClause?.namedBindings;
      const onlyTypes =
        n.importClause &&
        !n.importClause.name &&
        named &&
        ts.isNamedImports(named) &&
        named.elements.length > 0 &&
        named.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) mod.imports.push(n.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(n) && !n.isTypeOnly && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) {
      mod.imports.push(n.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(n) &&
      n.expression.kind === ts.SyntaxKind.ImportKeyword &&
      n.arguments[0] &&
      ts.isStringLiteralLike(n.arguments[0])
    ) {
      mod.imports.push(n.arguments[0].text);
    } else if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateHead(n)) {
      const inImport = ts.isImportDeclaration(n.parent) || ts.isExportDeclaration(n.parent) || ts.isExternalModuleReference(n.parent);
      // A bare name counts only as useTranslations' argument: elsewhere "cases" or "report" is a code.
      const keyLike = n.text.includes(".") || (ts.isCallExpression(n.parent) && isHook(n.parent, "useTranslations"));
      const ns = inImport || !keyLike ? null : namespaceOf(n.text, known);
      if (ns) mod.namespaces.add(ns);
    }
    if (isHook(n, "useTranslations")) {
      const arg = n.arguments[0];
      if (arg && !ts.isStringLiteralLike(arg))
        mod.unresolved.push({ line: line(n), what: "useTranslations(<a namespace not written out>)" });
    }
    if (isHook(n, "useMessages")) mod.unresolved.push({ line: line(n), what: "useMessages()" });
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) {
      const init = unwrap(n.initializer);
      if (isHook(init, "useTranslations") && init.arguments.length === 0) rootTranslators.add(n.name.text);
      if (ts.isArrowFunction(init) && !ts.isBlock(init.body)) keyHelpers.set(n.name.text, init.body);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);

  // A root translator (`useTranslations()`) called with a key the reading cannot place in a namespace.
  if (rootTranslators.size > 0) {
    const calls = (n: ts.Node) => {
      if (ts.isCallExpression(n) && n.arguments[0]) {
        const callee = n.expression;
        const name = ts.isIdentifier(callee)
          ? callee.text
          : ts.isPropertyAccessExpression(callee) &&
              ts.isIdentifier(callee.expression) &&
              ["rich", "raw", "markup", "has"].includes(callee.name.text)
            ? callee.expression.text
            : null;
        if (name && rootTranslators.has(name) && !keyResolves(n.arguments[0], known, keyHelpers)) {
          mod.unresolved.push({ line: line(n), what: `${name}(${n.arguments[0].getText(sf).slice(0, 60)})` });
        }
      }
      ts.forEachChild(n, calls);
    };
    calls(sf);
  }
  return mod;
}

function walkFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walkFiles(p, out);
    else out.push(p);
  }
  return out;
}

export function entryKey(appRel: string): EntryKey {
  return appRel.replace(/\.tsx$/, "");
}

/** Every route entry and the namespaces its client modules use. */
export function analyseClientMessages(root: string): Analysis {
  const known = knownNamespaces(root);
  const modules = new Map<string, Module>();
  const load = (rel: string) => {
    let m = modules.get(rel);
    if (!m) modules.set(rel, (m = readModule(root, rel, known)));
    return m;
  };

  /** The client modules reachable from these files (server modules are crossed, not read). */
  const clientModules = (starts: string[]): Set<string> => {
    const seen = new Set<string>();
    const client = new Set<string>();
    const stack = starts.map((rel) => ({ rel, client: false }));
    while (stack.length > 0) {
      const { rel, client: below } = stack.pop()!;
      const m = load(rel);
      // A server action's module is a reference in the browser, not code there.
      if (m.server) continue;
      const isClient = below || m.client;
      const key = `${isClient ? "c" : "s"}:${rel}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (isClient) client.add(rel);
      for (const spec of m.imports) {
        const target = resolveImport(root, rel, spec);
        if (!target || serverOnlyDirs.some((d) => target.startsWith(d))) continue;
        stack.push({ rel: target, client: isClient });
      }
    }
    return client;
  };

  const appDir = path.join(root, "app");
  const files = walkFiles(appDir).map((f) => path.relative(root, f).split(path.sep).join("/"));
  const layouts = files.filter((f) => f.endsWith("/layout.tsx"));
  const pages = files.filter((f) => f.endsWith("/page.tsx"));
  const boundaries = files.filter((f) => boundaryFiles.includes(path.posix.basename(f)));
  /** The layout a boundary file renders inside: its segment's, else the nearest above. */
  const layoutOf = (file: string) => {
    for (let dir = path.posix.dirname(file); ; dir = path.posix.dirname(dir)) {
      if (layouts.includes(`${dir}/layout.tsx`)) return `${dir}/layout.tsx`;
      if (dir === "app" || dir === ".") throw new Error(`no layout above ${file}`);
    }
  };

  const entries: Record<EntryKey, string[]> = {};
  const sources: Analysis["sources"] = {};
  const undeclared: Analysis["undeclared"] = [];
  const unknownDeclared: Analysis["unknownDeclared"] = [];
  const reported = new Set<string>();
  const starts = new Map<string, string[]>([
    ...layouts.map((l): [string, string[]] => [l, [l, ...boundaries.filter((b) => layoutOf(b) === l)]]),
    ...pages.map((p): [string, string[]] => [p, [p]]),
  ]);
  for (const [entry, from] of [...starts].sort(([a], [b]) => a.localeCompare(b))) {
    const namespaces = new Set<string>();
    const why: Record<string, string[]> = {};
    for (const rel of clientModules(from)) {
      const m = load(rel);
      for (const ns of [...m.namespaces, ...m.declared.filter((d) => known.has(d))]) {
        namespaces.add(ns);
        (why[ns] ??= []).push(rel);
      }
      if (reported.has(rel)) continue;
      reported.add(rel);
      for (const ns of m.declared) if (!known.has(ns)) unknownDeclared.push({ file: rel, namespace: ns });
      if (m.declared.length === 0) for (const u of m.unresolved) undeclared.push({ file: rel, ...u });
    }
    const key = entryKey(path.posix.relative("app", entry));
    entries[key] = [...namespaces].sort();
    sources[key] = why;
  }
  return { entries, sources, undeclared, unknownDeclared };
}

export const generatedFile = "i18n/client-namespaces.ts";

export function renderGenerated(entries: Record<EntryKey, string[]>): string {
  const body = Object.entries(entries)
    .map(([k, v]) => `  ${JSON.stringify(k)}: [${v.map((s) => JSON.stringify(s)).join(", ")}],`)
    .join("\n");
  return `// Generated by scripts/client-messages.ts (npx tsx scripts/client-messages.ts): do not edit.
// The message namespaces each route entry's client components use; app/_lib/client-messages.tsx
// gives a page or layout only these. tests/unit/client-messages.test.ts fails when it is stale.
export const clientNamespaces = {
${body}
} as const satisfies Record<string, readonly string[]>;

export type ClientMessagesEntry = keyof typeof clientNamespaces;
`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const root = process.cwd();
  const a = analyseClientMessages(root);
  const why = process.argv.indexOf("--why");
  if (why > 0) {
    console.log(JSON.stringify(a.sources[process.argv[why + 1]!], null, 1));
    process.exit(0);
  }
  for (const u of a.undeclared) console.error(`undeclared: ${u.file}:${u.line} ${u.what}`);
  for (const u of a.unknownDeclared) console.error(`unknown namespace declared: ${u.file} ${u.namespace}`);
  const file = path.join(root, generatedFile);
  // Written as Prettier writes it, so `npm run format:check` passes without another step.
  const options = { ...(await prettier.resolveConfig(file)), filepath: file };
  writeFileSync(file, await prettier.format(renderGenerated(a.entries), options));
  console.log(`${generatedFile}: ${Object.keys(a.entries).length} entries`);
  if (a.undeclared.length + a.unknownDeclared.length > 0) process.exitCode = 1;
}
