import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FilterSelect } from "~/app/_components/ui/filter-fields";

const options = [2026, 2025, 2024].map((y) => ({ value: String(y), label: String(y) }));
const optionLabels = (html: string) => [...html.matchAll(/<option[^>]*>([^<]*)<\/option>/g)].map((m) => m[1]);

describe("FilterSelect", () => {
  it("offers “any” first when it has a label for it", () => {
    const html = renderToStaticMarkup(
      createElement(FilterSelect, { label: "年度", anyLabel: "全部", value: undefined, options, onChange: () => undefined }),
    );
    expect(optionLabels(html)).toEqual(["全部", "2026", "2025", "2024"]);
  });

  it("without one, lists each year once (the cycle page listed the current year twice)", () => {
    const html = renderToStaticMarkup(createElement(FilterSelect, { label: "年度", value: "2026", options, onChange: () => undefined }));
    expect(optionLabels(html)).toEqual(["2026", "2025", "2024"]);
  });
});
