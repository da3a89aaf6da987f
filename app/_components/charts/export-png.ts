/**
 * A chart as a PNG: its <svg> serialised with the computed colours and fonts inlined (an SVG
 * drawn as an image sees no stylesheet), drawn at 2× on a white canvas under the chart's
 * title and legend.
 */

/** `meta`: lines under the subtitle — scope, quarter range and export date, the chart's cut-off … */
export type PngHeader = { title: string; subtitle?: string; meta?: string[]; legend?: { label: string; color: string }[] };

const inlined = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-opacity",
  "stroke-dasharray",
  "opacity",
  "font-family",
  "font-size",
  "font-weight",
  "text-anchor",
  "dominant-baseline",
  "visibility",
  "display",
] as const;

/** The chart's drawing: the largest <svg> inside the element (not a legend icon). */
export function chartSvg(root: Element): SVGSVGElement | null {
  let best: SVGSVGElement | null = null;
  let bestArea = 0;
  for (const svg of root.querySelectorAll("svg")) {
    if (svg.parentElement?.closest("svg")) continue;
    const r = svg.getBoundingClientRect();
    if (r.width * r.height > bestArea) {
      best = svg;
      bestArea = r.width * r.height;
    }
  }
  return best;
}

function serialise(svg: SVGSVGElement): { markup: string; width: number; height: number } {
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const source = [svg, ...svg.querySelectorAll("*")];
  const target = [clone, ...clone.querySelectorAll("*")];
  source.forEach((el, i) => {
    const copy = target[i] as SVGElement | undefined;
    if (!copy) return;
    const cs = getComputedStyle(el);
    copy.setAttribute("style", inlined.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(";"));
  });
  // Interaction-only parts (hover cursor, focus rings) are not part of the picture.
  clone.querySelectorAll(".recharts-tooltip-cursor, [data-export='skip']").forEach((n) => n.remove());
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("width", String(width));
  clone.setAttribute("height", String(height));
  if (!clone.getAttribute("viewBox")) clone.setAttribute("viewBox", `0 0 ${width} ${height}`);
  return { markup: new XMLSerializer().serializeToString(clone), width, height };
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error("svg image failed to load"));
    img.src = src;
  });
}

/** Lays the legend out in rows that fit the width; returns the height used. */
function drawLegend(
  ctx: CanvasRenderingContext2D,
  legend: PngHeader["legend"],
  x: number,
  y: number,
  width: number,
  draw: boolean,
): number {
  if (!legend?.length) return 0;
  const rowH = 18;
  let cx = x;
  let cy = y;
  for (const item of legend) {
    const w = 18 + ctx.measureText(item.label).width + 14;
    if (cx + w > x + width && cx > x) {
      cx = x;
      cy += rowH;
    }
    if (draw) {
      ctx.fillStyle = item.color;
      ctx.fillRect(cx, cy + 4, 12, 10);
      ctx.fillStyle = "#404040";
      ctx.fillText(item.label, cx + 16, cy + 13);
    }
    cx += w;
  }
  return cy - y + rowH;
}

/**
 * Breaks text into lines no wider than `width`: at full-width spaces (between the items of a
 * Chinese line) where there are any, else at spaces, else between characters; an item still too
 * wide is broken between its characters.
 */
function wrapLines(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const fits = (s: string) => ctx.measureText(s).width <= width;
  const sep = text.includes("\u3000") ? /(?<=\u3000)/ : text.includes(" ") ? /(?<= )/ : null;
  const parts = (sep ? text.split(sep) : [text]).flatMap((p) => (fits(p) ? [p] : [...p]));
  const lines = [""];
  for (const part of parts) {
    const cur = lines[lines.length - 1]!;
    if (cur && !fits(cur + part)) lines.push(part.trimStart());
    else lines[lines.length - 1] = cur + part;
  }
  return lines.map((l) => l.replace(/[\u3000 ]+$/, ""));
}

export async function chartToPng(root: Element, header: PngHeader, scale = 2): Promise<Blob> {
  const svg = chartSvg(root);
  if (!svg) throw new Error("no chart to export");
  const { markup, width, height } = serialise(svg);
  const img = await loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`);

  const font = getComputedStyle(document.body).fontFamily;
  const pad = 16;
  const measure = document.createElement("canvas").getContext("2d")!;
  measure.font = `12px ${font}`;
  const legendH = drawLegend(measure, header.legend, pad, 0, width, false);
  // Subtitle and meta lines wrap to the chart's width, so a phone's narrow export keeps them whole.
  const lines = [header.subtitle, ...(header.meta ?? [])].filter((l): l is string => !!l).map((l) => wrapLines(measure, l, width));
  const textH = lines.reduce((n, l) => n + l.length * 18, 0);
  const top = pad + 22 + textH + (legendH ? legendH + 6 : 0) + 6;

  const canvas = document.createElement("canvas");
  canvas.width = Math.ceil((width + pad * 2) * scale);
  canvas.height = Math.ceil((top + height + pad) * scale);
  const ctx = canvas.getContext("2d")!;
  ctx.scale(scale, scale);
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, width + pad * 2, top + height + pad);
  ctx.fillStyle = "#171717";
  ctx.font = `600 16px ${font}`;
  ctx.fillText(header.title, pad, pad + 16);
  let y = pad + 22;
  ctx.font = `12px ${font}`;
  lines.forEach((wrapped, i) => {
    // The subtitle in grey, scope/range/date and notes darker.
    ctx.fillStyle = header.subtitle && i === 0 ? "#737373" : "#404040";
    for (const line of wrapped) {
      ctx.fillText(line, pad, y + 12);
      y += 18;
    }
  });
  drawLegend(ctx, header.legend, pad, y + 2, width, true);
  ctx.drawImage(img, pad, top, width, height);

  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("canvas export failed"))), "image/png"));
}
