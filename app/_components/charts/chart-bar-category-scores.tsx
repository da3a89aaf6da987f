"use client";

import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { categoryColors, formatScore } from "~/app/_lib/categories";
import type { CategoryCode } from "~/lib/codes";

export type CategoryBar = { code: CategoryCode; label: string; score: number | null };

/** The six category scores of one quarter, each bar in its category's colour and labelled. */
export default function CategoryScoresChart({ data, seriesName }: { data: CategoryBar[]; seriesName: string }) {
  return (
    <div className="h-72 w-full" data-testid="category-scores-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 48, bottom: 4, left: 8 }}>
          <CartesianGrid stroke="#e5e5e5" horizontal={false} />
          <XAxis type="number" domain={[0, 100]} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="label" width={120} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => formatScore(typeof v === "number" ? v : null)} />
          <Bar dataKey="score" name={seriesName} isAnimationActive={false}>
            {data.map((d) => (
              <Cell key={d.code} fill={categoryColors[d.code]} />
            ))}
            <LabelList dataKey="score" position="right" formatter={(v) => formatScore(typeof v === "number" ? v : null)} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
