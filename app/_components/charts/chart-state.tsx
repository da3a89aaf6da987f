/** Placeholder while a chart's data loads: keeps the card's height and says what is coming. */
export function ChartLoading({ message, height = "h-72" }: { message: string; height?: string }) {
  return (
    <div
      role="status"
      aria-busy="true"
      className={`flex ${height} items-center justify-center rounded bg-neutral-50 text-sm text-neutral-500`}
    >
      <span className="animate-pulse">{message}</span>
    </div>
  );
}

/** A chart with nothing to draw: says what is missing (e.g. “本季度尚无已审核的报表”). */
export function ChartEmpty({ message, hint, height = "h-72" }: { message: string; hint?: string; height?: string }) {
  return (
    <div
      data-testid="chart-empty"
      className={`flex ${height} flex-col items-center justify-center gap-1 rounded border border-dashed border-neutral-300 px-4 text-center`}
    >
      <p className="text-sm text-neutral-600">{message}</p>
      {hint ? <p className="text-xs text-neutral-500">{hint}</p> : null}
    </div>
  );
}
