import { cn } from "~/app/_lib/cn";
import { FieldError } from "./field";

/** Ids a control inside a FormField should carry, so its label, hint and error are announced with it. */
export const fieldIds = (id: string, error?: string) => ({
  id,
  "aria-describedby": error ? `${id}-error` : `${id}-hint`,
});

/** A label above one control, with an optional hint and the server's message for that field. */
export function FormField({
  id,
  label,
  hint,
  error,
  className,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={cn("min-w-0", className)}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      {children}
      {hint && !error ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-neutral-500">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export function Checkbox({ label, className, ...props }: React.InputHTMLAttributes<HTMLInputElement> & { label: string }) {
  return (
    <label className={cn("inline-flex items-center gap-2 text-sm", className)}>
      <input type="checkbox" className="h-4 w-4 accent-party" {...props} />
      {label}
    </label>
  );
}
