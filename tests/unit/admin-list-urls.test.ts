import { describe, expect, it } from "vitest";
import { auditHref, filtersFromSearch, pagesFromSearch } from "~/app/(app)/admin/audit/filters";
import { mentions } from "~/app/(app)/admin/audit/mentions";
import { loadUsersList, usersListInput } from "~/app/(app)/admin/users/params";

describe("the admin lists' URLs (pages rendered from server data)", () => {
  it("the accounts list reads its filters and page from the URL and ignores malformed ones", () => {
    const p = loadUsersList({ unit: "12", role: "reviewer", status: "inactive", q: " 张 ", page: "3" });
    expect(usersListInput(p)).toEqual({ page: 3, pageSize: 50, unitId: 12, role: "reviewer", active: false, search: "张" });
    expect(usersListInput(loadUsersList({ unit: "x", role: "king", status: "maybe", q: "  " }))).toEqual({ page: 1, pageSize: 50 });
  });

  it("the audit log's “加载更多” is a page count in the URL, dropped when the filters change", () => {
    const f = filtersFromSearch({ q: "调查核实", unit: "7", pages: "3" });
    expect(pagesFromSearch({ pages: "3" })).toBe(3);
    expect(pagesFromSearch({ pages: "0" })).toBe(1);
    expect(pagesFromSearch({ pages: "101" })).toBe(1);
    const sp = new URL(auditHref(f, 4), "http://x").searchParams;
    expect(Object.fromEntries(sp)).toEqual({ q: "调查核实", unit: "7", pages: "4" });
    expect(auditHref(f)).not.toContain("pages");
    expect(auditHref({})).toBe("/admin/audit");
  });

  it("the audit page names only the ids and codes its entries mention", () => {
    const found = mentions([
      { entityId: "yearly:2026:15", before: { parentId: 3, values: { B1: 2 } }, after: { units: [4, 5], status: "decided" } },
      { entityId: null, before: null, after: null },
    ]);
    for (const v of ["15", "2026", "3", "B1", "4", "5", "decided", "yearly:2026:15"]) expect(found.has(v)).toBe(true);
    expect(found.has("6")).toBe(false);
    expect(found.has("null")).toBe(false);
  });
});
