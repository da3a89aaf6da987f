import { cn } from "~/app/_lib/cn";
import { inputClass } from "./field";

export function Select({ invalid, className, ...props }: React.SelectHTMLAttributes<HTMLSelectElement> & { invalid?: boolean }) {
  return (
    <select
      aria-invalid={invalid || undefined}
      className={cn(inputClass, invalid && "border-red-600 ring-1 ring-red-600", className)}
      {...props}
    />
  );
}
