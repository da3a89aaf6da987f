"use client";

import {
  CartesianGrid,
  Cell,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
  usePlotArea,
  useXAxisScale,
  useYAxisScale,
} from "recharts";
import { formatScore, partyRed } from "~/app/_lib/categories";
import { layoutLabels, labelWidth, type Box } from "./label-layout";

/**
 * `label`: the text to write beside the dot (most important dots first), or "" for none; labels that would collide are left out.
 * `color`: the dot's own colour (e.g. by grade), instead of 党建红 for the flagged ones and grey for the rest.
 */
export type QuadrantDot = { id: number; name: string; label: string; business: number; party: number; flagged: boolean; color?: string };

/** A cell of the density grid: its lower edges, its width in score points, its shade and the text of its tooltip. */
export type QuadrantCell = { business: number; party: number; cell: number; color: string; title: string };

type QuadrantLabels = { highBizLowParty: string; highBoth: string; lowBoth: string; lowBizHighParty: string };

const other = "#737373";
const quadrantText = { fontSize: 12, fill: "#525252" };
/** Ticks every ten points across an axis range that starts at a multiple of ten. */
const tensOf = ([lo, hi]: [number, number]) => Array.from({ length: Math.floor((hi - lo) / 10) + 1 }, (_, i) => lo + i * 10);

function DotTooltip({
  active,
  payload,
  labels,
}: {
  active?: boolean;
  payload?: readonly { payload?: QuadrantDot }[];
  labels: { x: string; y: string };
}) {
  const dot = active ? payload?.[0]?.payload : undefined;
  if (!dot) return null;
  return (
    <div className="rounded border border-neutral-300 bg-white px-2 py-1 text-xs shadow-sm">
      <p className="font-medium">{dot.name}</p>
      <p>
        {labels.x} <span className="num">{formatScore(dot.business)}</span>
      </p>
      <p>
        {labels.y} <span className="num">{formatScore(dot.party)}</span>
      </p>
    </div>
  );
}

/** The density grid, under the dots: one shaded square per cell with units in it, its count in a native tooltip. */
function DensityCells({ cells }: { cells: QuadrantCell[] }) {
  const plot = usePlotArea();
  const sx = useXAxisScale();
  const sy = useYAxisScale();
  if (!plot || !sx || !sy) return null;
  return (
    <g className="quadrant-density" data-testid="quadrant-density">
      {cells.map((c) => {
        const x0 = Number(sx(c.business));
        const x1 = Number(sx(c.business + c.cell));
        const y0 = Number(sy(c.party));
        const y1 = Number(sy(c.party + c.cell));
        return (
          <rect
            key={`${c.business}/${c.party}`}
            x={Math.min(x0, x1)}
            y={Math.min(y0, y1)}
            width={Math.abs(x1 - x0)}
            height={Math.abs(y1 - y0)}
            fill={c.color}
            stroke="#fff"
            strokeWidth={0.5}
          >
            <title>{c.title}</title>
          </rect>
        );
      })}
    </g>
  );
}

/**
 * The dots' labels, laid out in pixels so that none overlaps another label, a dot or a
 * quadrant's name in the plot's corners; a label with no free spot is left out.
 */
function DotLabels({ dots, cornerLabels }: { dots: QuadrantDot[]; cornerLabels: string[] }) {
  const plot = usePlotArea();
  const sx = useXAxisScale();
  const sy = useYAxisScale();
  if (!plot || !sx || !sy) return null;
  const corners: Box[] = cornerLabels.map((text, i) => {
    const w = labelWidth(text, 12) + 8;
    const right = i === 0 || i === 1;
    const bottom = i === 0 || i === 2;
    return { x: right ? plot.x + plot.width - w : plot.x, y: bottom ? plot.y + plot.height - 20 : plot.y, w, h: 20 };
  });
  const candidates = dots.map((d) => ({ id: d.id, cx: Number(sx(d.business)), cy: Number(sy(d.party)), text: d.label }));
  const placed = layoutLabels(candidates, { bounds: { x: plot.x, y: plot.y, w: plot.width, h: plot.height }, obstacles: corners });
  return (
    <g className="quadrant-dot-labels" pointerEvents="none">
      {placed.map((p) => (
        <text
          key={p.id}
          x={p.x}
          y={p.y}
          textAnchor={p.anchor}
          dominantBaseline="central"
          fontSize={11}
          fill="#404040"
          data-dot-label={p.id}
        >
          {p.text}
        </text>
      ))}
    </g>
  );
}

/**
 * 重业务轻党建 quadrant: business score (x) against Party-building score (y), one dot per unit,
 * dashed dividing lines at the thresholds, the four quadrants named in the plot and the
 * high-business / low-Party-building one tinted 党建红. Clicking a dot calls `onSelect(id)`.
 * With `cells` (too many units for one dot each), the units are a density grid under the dots,
 * and the dots are only the ones worth naming (the flagged units).
 */
export default function QuadrantScatterChart(props: {
  dots: QuadrantDot[];
  thresholds: { business: number; party: number };
  domain: { x: [number, number]; y: [number, number] };
  labels: { x: string; y: string; quadrants: QuadrantLabels };
  onSelect?: (id: number) => void;
  cells?: QuadrantCell[];
  testId?: string;
}) {
  const { thresholds: th, domain, labels } = props;
  const [x0, x1] = domain.x;
  const [y0, y1] = domain.y;
  return (
    <div className="h-96 w-full" data-testid={props.testId}>
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 12, right: 24, bottom: 24, left: 8 }}>
          <CartesianGrid stroke="#e5e5e5" />
          <XAxis
            type="number"
            dataKey="business"
            name={labels.x}
            domain={[x0, x1]}
            ticks={tensOf(domain.x)}
            allowDataOverflow
            tick={{ fontSize: 12, fill: "#525252" }}
            label={{ value: labels.x, position: "insideBottom", offset: -16, fontSize: 12, fill: "#404040" }}
          />
          <YAxis
            type="number"
            dataKey="party"
            name={labels.y}
            domain={[y0, y1]}
            ticks={tensOf(domain.y)}
            allowDataOverflow
            width={48}
            tick={{ fontSize: 12, fill: "#525252" }}
            label={{
              value: labels.y,
              angle: -90,
              position: "insideLeft",
              offset: 8,
              fontSize: 12,
              fill: "#404040",
              style: { textAnchor: "middle" },
            }}
          />
          <ZAxis range={[70, 70]} />
          {/* Under the quadrants' tint and names, so both stay readable over a crowded grid. */}
          {props.cells?.length ? <DensityCells cells={props.cells} /> : null}
          <ReferenceArea
            x1={th.business}
            x2={x1}
            y1={y0}
            y2={th.party}
            fill={partyRed}
            fillOpacity={0.08}
            stroke="none"
            label={{
              value: labels.quadrants.highBizLowParty,
              position: "insideBottomRight",
              fontSize: 12,
              fill: partyRed,
              fontWeight: 600,
            }}
          />
          <ReferenceArea
            x1={th.business}
            x2={x1}
            y1={th.party}
            y2={y1}
            fillOpacity={0}
            stroke="none"
            label={{ value: labels.quadrants.highBoth, position: "insideTopRight", ...quadrantText }}
          />
          <ReferenceArea
            x1={x0}
            x2={th.business}
            y1={y0}
            y2={th.party}
            fillOpacity={0}
            stroke="none"
            label={{ value: labels.quadrants.lowBoth, position: "insideBottomLeft", ...quadrantText }}
          />
          <ReferenceArea
            x1={x0}
            x2={th.business}
            y1={th.party}
            y2={y1}
            fillOpacity={0}
            stroke="none"
            label={{ value: labels.quadrants.lowBizHighParty, position: "insideTopLeft", ...quadrantText }}
          />
          <ReferenceLine x={th.business} stroke="#737373" strokeDasharray="4 3" />
          <ReferenceLine y={th.party} stroke="#737373" strokeDasharray="4 3" />
          <Tooltip cursor={{ strokeDasharray: "3 3" }} content={<DotTooltip labels={labels} />} />
          <Scatter
            data={props.dots}
            isAnimationActive={false}
            cursor={props.onSelect ? "pointer" : undefined}
            onClick={(item) => {
              const id = (item?.payload as QuadrantDot | undefined)?.id;
              if (id !== undefined) props.onSelect?.(id);
            }}
          >
            {props.dots.map((d) => (
              <Cell key={d.id} fill={d.color ?? (d.flagged ? partyRed : other)} stroke="#fff" strokeWidth={1} />
            ))}
          </Scatter>
          <DotLabels
            dots={props.dots}
            cornerLabels={[
              labels.quadrants.highBizLowParty,
              labels.quadrants.highBoth,
              labels.quadrants.lowBoth,
              labels.quadrants.lowBizHighParty,
            ]}
          />
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
