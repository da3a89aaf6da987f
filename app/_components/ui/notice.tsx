import { cn } from "~/app/_lib/cn";

const tones = {
  error: "border-red-200 bg-red-50 text-red-800",
  success: "border-green-200 bg-green-50 text-green-800",
  info: "border-neutral-300 bg-neutral-50 text-neutral-700",
  warning: "border-amber-300 bg-amber-50 text-amber-900",
} as const;

/** A one-line message box: errors are alerts, the rest polite status updates. */
export function Notice({
  tone = "info",
  className,
  children,
}: {
  tone?: keyof typeof tones;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <p role={tone === "error" ? "alert" : "status"} className={cn("rounded border px-3 py-2 text-sm", tones[tone], className)}>
      {children}
    </p>
  );
}
