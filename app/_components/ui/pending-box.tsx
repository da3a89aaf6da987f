import { cn } from "~/app/_lib/cn";

/** How data waiting for a new server render looks (PendingArea, or a list with its own transition). */
export function PendingBox({ pending, className, children }: { pending: boolean; className?: string; children: React.ReactNode }) {
  return (
    <div
      className={cn(className, "transition-opacity", pending && "opacity-60")}
      aria-busy={pending || undefined}
      data-pending={pending || undefined}
    >
      {children}
    </div>
  );
}
