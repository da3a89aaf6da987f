import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clientNamespaces } from "~/i18n/client-namespaces";
import { analyseClientMessages, generatedFile } from "~/scripts/client-messages";

// Each page and layout sends the browser only the message namespaces its client components use
// (app/_lib/client-messages.tsx). A namespace missing from a route shows its raw keys
// ("dashboard.title") to the user, so the map is recomputed here from the code.

const root = process.cwd();
const analysis = analyseClientMessages(root);

describe("the messages each route gives its client components", () => {
  it("is the committed map (run `npx tsx scripts/client-messages.ts` after changing a client component)", () => {
    expect(clientNamespaces, `${generatedFile} is stale`).toEqual(analysis.entries);
  });

  it("reads every use of translations, or the file declares what it uses", () => {
    const where = analysis.undeclared.map((u) => `${u.file}:${u.line} ${u.what} — add "// client-messages: <namespaces> (why)"`);
    expect(where).toEqual([]);
    expect(analysis.unknownDeclared).toEqual([]);
  });

  it("each page and layout with client messages passes its own entry to ClientMessages", () => {
    const wrong: string[] = [];
    for (const [entry, namespaces] of Object.entries(analysis.entries)) {
      const text = readFileSync(path.join(root, "app", `${entry}.tsx`), "utf8");
      const given = [...text.matchAll(/<ClientMessages\s+entry="([^"]+)"/g)].map((m) => m[1]);
      if (namespaces.length > 0 && given.length === 0) wrong.push(`app/${entry}.tsx gives no ClientMessages`);
      for (const g of given) if (g !== entry) wrong.push(`app/${entry}.tsx passes entry "${g}"`);
    }
    expect(wrong).toEqual([]);
  });

  it("gives the dashboards their own namespaces and not the whole catalogue", () => {
    const dashboard = analysis.entries["(app)/dashboard/page"]!;
    expect(dashboard).toEqual(expect.arrayContaining(["dashboardOverview", "charts"]));
    expect(dashboard).not.toContain("auditWords");
    expect(analysis.entries["login/page"]).toEqual(expect.arrayContaining(["login"]));
  });
});

describe("the reading of a route's client code", () => {
  const file = (dir: string, rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  };
  const tree = (files: Record<string, string>) => {
    const dir = mkdtempSync(path.join(tmpdir(), "client-messages-"));
    file(dir, "messages/zh-CN/a.json", JSON.stringify({ alpha: { x: "x" }, beta: { x: "x" }, gamma: { x: "x" }, delta: { x: "x" } }));
    file(dir, "messages/zh-CN/server.json", JSON.stringify({ server: { x: "x" } }));
    file(dir, "app/layout.tsx", "export default function L({ children }) { return children; }");
    for (const [rel, text] of Object.entries(files)) file(dir, rel, text);
    return analyseClientMessages(dir);
  };

  it("follows client modules, lazy imports and keys, not server modules or bare codes", () => {
    const a = tree({
      "app/p/page.tsx": `import { Client } from "./client";\nimport { helper } from "~/lib/server-side";\nexport default function P() { return <Client />; }`,
      "lib/server-side.ts": `export const helper = () => "gamma.x";`,
      "app/p/client.tsx": `"use client";\nimport { useTranslations } from "next-intl";\nconst Later = lazy(() => import("./later"));\nexport function Client() { const t = useTranslations("alpha"); return t("x") + "delta"; }`,
      "app/p/later.tsx": `"use client";\nexport const Later = (t) => t(\`beta.\${1}\`);`,
    });
    expect(a.entries["p/page"]).toEqual(["alpha", "beta"]);
    expect(a.undeclared).toEqual([]);
  });

  it("asks for a declaration when the namespace is not written out", () => {
    const a = tree({
      "app/p/page.tsx": `import { Client } from "./client";\nexport default function P() { return <Client />; }`,
      "app/p/client.tsx": `"use client";\nexport function Client({ ns, k }) { const t = useTranslations(ns); const r = useTranslations(); return t("x") + r(k); }`,
    });
    expect(a.undeclared.map((u) => u.what)).toEqual(["useTranslations(<a namespace not written out>)", "r(k)"]);
    const declared = tree({
      "app/p/page.tsx": `import { Client } from "./client";\nexport default function P() { return <Client />; }`,
      "app/p/client.tsx": `"use client";\n// client-messages: delta (the caller's)\nexport function Client({ ns }) { const t = useTranslations(ns); return t("x"); }`,
    });
    expect(declared.undeclared).toEqual([]);
    expect(declared.entries["p/page"]).toEqual(["delta"]);
  });

  it("gives a layout the error page of its segment", () => {
    const a = tree({
      "app/error.tsx": `"use client";\nexport default function E() { const t = useTranslations("gamma"); return t("x"); }`,
    });
    expect(a.entries["layout"]).toEqual(["gamma"]);
  });
});
