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

/** What a chart card shows: a placeholder while its data loads, a note when there is nothing to draw, or the chart. */
export type ChartState = { kind: "loading"; message: string } | { kind: "empty"; message: string; hint?: string } | { kind: "ready" };

/**
 * The card's state from its two questions, loading first: `loading` is the placeholder's text
 * while the data loads (false once it is there), `empty` the note when there is nothing to draw.
 */
export function chartState(opts: { loading: string | false; empty?: { message: string; hint?: string } | false | null }): ChartState {
  if (opts.loading !== false) return { kind: "loading", message: opts.loading };
  if (opts.empty) return { kind: "empty", message: opts.empty.message, hint: opts.empty.hint };
  return { kind: "ready" };
}

/**
 * The one card state component: the card's body for its state — the content (drawn only when
 * ready; pass a function when it needs the loaded data), or in its place the loading placeholder
 * and the empty note: boxes of `height` for a chart (`look="chart"`), one line of text for a list.
 */
export function CardState(props: {
  state: ChartState;
  height?: string;
  look?: "chart" | "line";
  children: React.ReactNode | (() => React.ReactNode);
}) {
  const { state } = props;
  if (state.kind !== "ready" && props.look === "line") return <p className="px-4 py-3 text-sm text-neutral-500">{state.message}</p>;
  if (state.kind === "loading") return <ChartLoading message={state.message} height={props.height} />;
  if (state.kind === "empty") return <ChartEmpty message={state.message} hint={state.hint} height={props.height} />;
  return <>{typeof props.children === "function" ? props.children() : props.children}</>;
}
