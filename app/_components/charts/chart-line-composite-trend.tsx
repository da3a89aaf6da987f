"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatScore, partyRed } from "~/app/_lib/categories";

export type TrendPoint = { label: string; composite: number | null };

/** The composite Party-building score per quarter (one dot per quarter with data). */
export default function CompositeTrendChart({ data, seriesName }: { data: TrendPoint[]; seriesName: string }) {
  return (
    <div className="h-72 w-full" data-testid="composite-trend-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 12, right: 24, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="#e5e5e5" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis domain={[0, 100]} tick={{ fontSize: 12 }} width={36} />
          <Tooltip formatter={(v) => formatScore(typeof v === "number" ? v : null)} />
          <Line
            type="monotone"
            dataKey="composite"
            name={seriesName}
            stroke={partyRed}
            strokeWidth={2}
            dot={{ r: 4, fill: partyRed }}
            isAnimationActive={false}
            connectNulls={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
