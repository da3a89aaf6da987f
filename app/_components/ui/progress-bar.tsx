/** A labelled progress bar (percent on the right): a background job's rows checked or written. */
export function ProgressBar({ label, done, total, testId }: { label: string; done: number; total: number; testId: string }) {
  const pct = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <div className="space-y-1" data-testid={testId}>
      <div className="flex justify-between text-sm text-neutral-700">
        <span>{label}</span>
        <span className="tabular-nums">{pct}%</span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        className="h-2 overflow-hidden rounded bg-neutral-200"
      >
        <div className="h-full bg-party transition-[width] duration-300" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
