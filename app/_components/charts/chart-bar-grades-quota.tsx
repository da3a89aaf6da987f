"use client";

import { labelWidth, valueLabelBaseline } from "./label-layout";
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type GradeBar = { label: string; count: number; color: string };

/** Units per grade (one bar each, 好 first) with the 好 quota drawn as a dashed line at its allowed count. */
export default function GradeQuotaBarsChart(props: {
  bars: GradeBar[];
  quota: number;
  quotaLabel: string;
  seriesName: string;
  testId?: string;
}) {
  const top = Math.max(props.quota, ...props.bars.map((b) => b.count), 1);
  // The quota's name sits right of the plot, past the last bar, so it never meets a bar's count (e.g. 差's).
  const labelRoom = Math.ceil(labelWidth(props.quotaLabel, 12)) + 10;
  return (
    <div className="h-64 w-full" data-testid={props.testId}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={props.bars} margin={{ top: 20, right: labelRoom, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="#e5e5e5" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#404040" }} />
          <YAxis allowDecimals={false} domain={[0, Math.ceil(top * 1.15)]} width={40} tick={{ fontSize: 12, fill: "#525252" }} />
          <Tooltip cursor={{ fill: "#f5f5f5" }} />
          <Bar dataKey="count" name={props.seriesName} isAnimationActive={false} maxBarSize={56}>
            {props.bars.map((b) => (
              <Cell key={b.label} fill={b.color} />
            ))}
            {/* Above the bar, or above the quota line where it would run through the number (e.g. 差 9 under a quota of 10). */}
            <LabelList
              dataKey="count"
              content={(p) => {
                const [x, y, width, height] = [p.x, p.y, p.width, p.height].map(Number) as [number, number, number, number];
                const count = Number(p.value);
                if (![x, y, width, height, count].every(Number.isFinite)) return null;
                return (
                  <text
                    x={x + width / 2}
                    y={valueLabelBaseline({ y, height, count }, props.quota)}
                    textAnchor="middle"
                    fontSize={12}
                    fill="#262626"
                  >
                    {count}
                  </text>
                );
              }}
            />
          </Bar>
          <ReferenceLine
            y={props.quota}
            stroke="#262626"
            strokeDasharray="5 4"
            label={{ value: props.quotaLabel, position: "right", fontSize: 12, fill: "#262626" }}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
