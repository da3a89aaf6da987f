import { cn } from "~/app/_lib/cn";

/**
 * The one table primitive: the native elements (table, thead, tbody, tr, th, td, caption), so
 * screen readers and tests see the same semantics, with the shared table classes. A `Table` is
 * full width in small text (`ui-table`, which a caller's class overrides) unless `bare` (e.g. a screen-reader-only table); the parts pass their
 * attributes (scope, aria-*, data-testid, colSpan…) through unchanged.
 */
export function Table({ className, bare, ...props }: React.ComponentProps<"table"> & { bare?: boolean }) {
  return <table className={bare ? className : cn("ui-table", className)} {...props} />;
}

export function THead(props: React.ComponentProps<"thead">) {
  return <thead {...props} />;
}

export function TBody(props: React.ComponentProps<"tbody">) {
  return <tbody {...props} />;
}

export function TR(props: React.ComponentProps<"tr">) {
  return <tr {...props} />;
}

export function TH(props: React.ComponentProps<"th">) {
  return <th {...props} />;
}

export function TD(props: React.ComponentProps<"td">) {
  return <td {...props} />;
}

export function Caption(props: React.ComponentProps<"caption">) {
  return <caption {...props} />;
}
