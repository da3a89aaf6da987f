import { cn } from "~/app/_lib/cn";

type Variant = "primary" | "secondary" | "ghost";

const variants: Record<Variant, string> = {
  primary: "bg-party text-white hover:bg-party-dark disabled:bg-neutral-400",
  secondary: "border border-neutral-300 bg-white text-neutral-800 hover:bg-neutral-50 disabled:text-neutral-400",
  ghost: "text-neutral-700 hover:bg-neutral-200",
};

/** The look of a button, for a link that acts as one (a download). */
export const buttonClass = (variant: Variant = "primary", className?: string) =>
  cn(
    // ui-button (app/globals.css) holds the size a caller may change: h-8 px-3 text-sm and the flex box.
    "ui-button focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-party disabled:cursor-not-allowed",
    variants[variant],
    className,
  );

export function Button({
  variant = "primary",
  className,
  ...props
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button className={buttonClass(variant, className)} {...props} />;
}
