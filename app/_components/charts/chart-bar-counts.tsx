"use client";

import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type CountBar = { label: string; count: number; color: string };

/** One horizontal bar per row (e.g. cases per status or per root cause), each labelled with its count. */
export default function CountBarsChart({
  data,
  seriesName,
  testId,
  labelWidth = 132,
}: {
  data: CountBar[];
  seriesName: string;
  testId?: string;
  labelWidth?: number;
}) {
  return (
    <div className="w-full" style={{ height: Math.max(160, data.length * 36 + 32) }} data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 40, bottom: 4, left: 8 }}>
          <CartesianGrid stroke="#e5e5e5" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="label" width={labelWidth} tick={{ fontSize: 12 }} />
          <Tooltip cursor={{ fill: "#f5f5f5" }} />
          <Bar dataKey="count" name={seriesName} isAnimationActive={false} barSize={20}>
            {data.map((d) => (
              <Cell key={d.label} fill={d.color} />
            ))}
            <LabelList dataKey="count" position="right" style={{ fontSize: 12, fill: "#404040" }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
