import { cn } from "~/app/_lib/cn";

/** A text control: `ui-input` (h-8 w-full rounded border border-neutral-300 bg-white px-2 text-sm, app/globals.css) yields to a caller's height, width, border or text size. */
export const inputClass =
  "ui-input focus:border-blue-700 focus:outline-none focus:ring-1 focus:ring-blue-700 disabled:bg-neutral-100 disabled:text-neutral-500";

export function TextInput({ invalid, className, ...props }: React.InputHTMLAttributes<HTMLInputElement> & { invalid?: boolean }) {
  return (
    <input
      aria-invalid={invalid || undefined}
      className={cn(inputClass, invalid && "border-red-600 ring-1 ring-red-600", className)}
      {...props}
    />
  );
}

export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="mt-1 text-xs text-red-700">
      {message}
    </p>
  );
}
