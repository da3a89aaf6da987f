import { cn } from "~/app/_lib/cn";

const tones = {
  neutral: "bg-neutral-100 text-neutral-700 border-neutral-300",
  info: "bg-blue-50 text-blue-800 border-blue-200",
  success: "bg-green-50 text-green-800 border-green-200",
  warning: "bg-amber-50 text-amber-800 border-amber-200",
} as const;

export function Badge({ tone = "neutral", children }: { tone?: keyof typeof tones; children: React.ReactNode }) {
  return <span className={cn("inline-flex items-center rounded border px-1.5 py-0.5 text-xs", tones[tone])}>{children}</span>;
}
