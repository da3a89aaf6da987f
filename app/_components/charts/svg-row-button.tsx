/**
 * The keyboard part of a clickable row in a hand-drawn SVG chart: wraps only the row's label, so
 * the button's name (“点击单位可下钻到该单位：<name>”) contains all of its visible text, and the
 * row's numbers stay outside it. The whole row takes the pointer click; without `onSelect` the
 * label is drawn as is. The chart's <svg> must then be a group, not an image (an image's children
 * are not announced, and a button inside one is unreachable for screen readers).
 */
export function SvgRowButton({ label, onSelect, children }: { label: string; onSelect?: () => void; children: React.ReactNode }) {
  if (!onSelect) return <>{children}</>;
  return (
    <g
      role="button"
      tabIndex={0}
      aria-label={label}
      className="outline-none [&:focus-visible>rect.row-bg]:fill-neutral-100 [&:focus-visible>rect.row-bg]:stroke-party [&:focus-visible>rect.row-bg]:stroke-2"
      onKeyDown={(e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          onSelect();
        }
      }}
    >
      {children}
    </g>
  );
}
