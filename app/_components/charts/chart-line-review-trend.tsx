"use client";

import { useState } from "react";
import { CartesianGrid, LabelList, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { formatScore } from "~/app/_lib/categories";
import { labelAbove } from "./label-layout";

export type ReviewTrendPoint = { quarter: string; composite: number | null; business?: number | null };

/** 党建红 lightened for a dark background (the review-meeting slides); the line keeps its meaning. */
const lineOnDark = "#ef5350";
/** The business line beside it: light grey and dashed, so the two read apart without colour. */
const businessOnDark = "#d4d4d4";

type ValueLabelProps = { x?: number | string; y?: number | string; value?: unknown; index?: number };
type TickProps = { x?: number | string; y?: number | string; index?: number; payload?: { value: string } };

/**
 * One unit's composite score over the quarters on a dark slide, each point labelled with its
 * value. `tickLines` writes a quarter as one or two short lines (quarter, then the year where it
 * changes), so eight quarters fit under a narrow chart in either language. With `businessName`
 * the business score (业务考核得分) is drawn too, dashed (the 述职评议会's year).
 */
export default function ReviewTrendChart(props: {
  data: ReviewTrendPoint[];
  seriesName: string;
  businessName?: string;
  /** The lines under a quarter; `everyYear` when only every other quarter is labelled. */
  tickLines: (quarter: string, index: number, everyYear: boolean) => string[];
}) {
  const [width, setWidth] = useState(0);
  // Text scales with the page's root size, which the presentation sets from the screen width,
  // so the chart stays readable on a projector.
  const rem = typeof window === "undefined" ? 16 : parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const font = Math.round(rem * 0.85);
  // Too narrow for every quarter's label (a 1280-wide projector): label every other one, each with its year.
  const sparse = width > 0 && (width - font * 4) / Math.max(1, props.data.length) < font * 3.1;
  const Tick = ({ x, y, index, payload }: TickProps) => (
    <text x={Number(x)} y={Number(y) + font} textAnchor="middle" fill="#a3a3a3" fontSize={font}>
      {props.tickLines(payload?.value ?? "", index ?? 0, sparse).map((line, i) => (
        <tspan key={i} x={Number(x)} dy={i === 0 ? 0 : Math.round(font * 1.2)}>
          {line}
        </tspan>
      ))}
    </text>
  );
  // Each point's value above or below it: the higher of the two lines above, the lower below (label-layout.ts), never crossing.
  const valueLabel = (series: "composite" | "business", fill: string) =>
    function ValueLabel({ x, y, value, index }: ValueLabelProps) {
      if (typeof value !== "number") return null;
      const point = props.data[Number(index ?? 0)];
      const other = series === "composite" ? point?.business : point?.composite;
      const above = labelAbove(value, props.businessName ? other : null, series === "composite");
      const gap = Math.round(font * 0.7);
      return (
        <text x={Number(x)} y={Number(y) + (above ? -gap : gap + font * 0.8)} textAnchor="middle" fill={fill} fontSize={font}>
          {formatScore(value)}
        </text>
      );
    };
  return (
    <div className="h-full min-h-[6rem] w-full flex-1" data-testid="review-trend-chart">
      <ResponsiveContainer width="100%" height="100%" onResize={(w) => setWidth(w)}>
        <LineChart data={props.data} margin={{ top: Math.round(font * 1.4), right: Math.round(font * 2), bottom: 8, left: 0 }}>
          <CartesianGrid stroke="#404040" vertical={false} />
          <XAxis
            dataKey="quarter"
            tick={Tick}
            stroke="#525252"
            interval={sparse ? 1 : 0}
            height={Math.round(font * 3.4)}
            padding={{ left: font, right: font }}
          />
          <YAxis
            domain={[0, 100]}
            ticks={[0, 25, 50, 75, 100]}
            tick={{ fontSize: font, fill: "#a3a3a3" }}
            stroke="#525252"
            width={Math.round(font * 2.8)}
          />
          <Line
            type="monotone"
            dataKey="composite"
            name={props.seriesName}
            stroke={lineOnDark}
            strokeWidth={Math.max(2.5, font / 5)}
            dot={{ r: Math.max(4, font / 3), fill: lineOnDark, stroke: lineOnDark }}
            isAnimationActive={false}
            connectNulls={false}
          >
            <LabelList dataKey="composite" content={valueLabel("composite", "#e5e5e5")} />
          </Line>
          {props.businessName ? (
            <Line
              type="monotone"
              dataKey="business"
              name={props.businessName}
              stroke={businessOnDark}
              strokeWidth={Math.max(2, font / 6)}
              strokeDasharray="6 4"
              dot={{ r: Math.max(3, font / 4), fill: businessOnDark, stroke: businessOnDark }}
              isAnimationActive={false}
              connectNulls={false}
            >
              <LabelList dataKey="business" content={valueLabel("business", "#a3a3a3")} />
            </Line>
          ) : null}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
