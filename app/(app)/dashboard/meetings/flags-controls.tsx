"use client";

import { useRouter } from "next/navigation";
import { useQueryStates } from "nuqs";
import { createContext, useContext, useEffect, useTransition } from "react";
import { downloadBlob } from "~/app/_components/charts/download";
import { useDashboardFilters } from "~/app/_components/charts/use-dashboard-filters";
import { Button } from "~/app/_components/ui/button";
import { cn } from "~/app/_lib/cn";
import type { FlagKind } from "~/lib/codes";
import { flagsPageParsers } from "./params";

// The flags card's parts that answer a click; the card itself is server HTML (flags-card.tsx).

/** The card's place in the URL (`fkind`, `fpage`), set in a transition of its own: the table dims meanwhile, not the page. */
function usePlace() {
  const [pending, startTransition] = useTransition();
  // Replace, not push: the back button leaves the page (and comes back to the page and kind it held).
  const [place, setPlace] = useQueryStates(flagsPageParsers, { history: "replace", scroll: false, shallow: false, startTransition });
  return { pending, place, setPlace };
}

const PlaceContext = createContext<ReturnType<typeof usePlace> | null>(null);
const usePlaceContext = () => {
  const place = useContext(PlaceContext);
  if (!place) throw new Error("flags card controls need FlagsPlace");
  return place;
};

/**
 * Holds the card's place for its chips, table and pager. When the URL's page lies past the end,
 * the server showed the last page: the URL is corrected to it (without asking the server again).
 */
export function FlagsPlace({ urlPage, shownPage, children }: { urlPage: number; shownPage: number; children: React.ReactNode }) {
  const value = usePlace();
  const { setPlace } = value;
  useEffect(() => {
    if (urlPage !== shownPage) void setPlace({ fpage: shownPage > 1 ? shownPage : null }, { shallow: true });
  }, [urlPage, shownPage, setPlace]);
  return <PlaceContext.Provider value={value}>{children}</PlaceContext.Provider>;
}

/** The kind filter: one chip per kind with its count over the range; a chip starts the kind at its first page. */
export function FlagsKindChips({ label, chips }: { label: string; chips: { kind: FlagKind | null; label: string; count: number }[] }) {
  const { place, setPlace } = usePlaceContext();
  return (
    <div role="group" aria-label={label} className="flex flex-wrap gap-1.5 px-4 pt-3">
      {chips.map((c) => (
        <button
          key={c.kind ?? "all"}
          type="button"
          aria-pressed={place.fkind === c.kind}
          onClick={() => void setPlace({ fkind: c.kind, fpage: null })}
          className={cn(
            "rounded border px-2 py-0.5 text-xs",
            place.fkind === c.kind
              ? "border-party bg-party text-white"
              : "border-neutral-300 bg-white text-neutral-700 hover:bg-neutral-50",
          )}
        >
          {c.label} <span className="num">{c.count}</span>
        </button>
      ))}
    </div>
  );
}

/**
 * The table's box: dimmed and busy while the next page is on its way (the shown one stays meanwhile).
 * It answers its rows' clicks: a quarter's button (`data-quarter`) narrows the page's range to that
 * quarter (its flags start again at the first page of all kinds); a plain click on a link navigates
 * in the app (a click with a modifier key is the browser's: a new tab or window).
 */
export function FlagsTableArea({ className, children }: { className?: string; children: React.ReactNode }) {
  const { pending } = usePlaceContext();
  const { setQuarter } = useDashboardFilters();
  const router = useRouter();
  const onClick = (e: React.MouseEvent) => {
    const target = e.target as Element;
    const quarter = target.closest("button[data-quarter]")?.getAttribute("data-quarter");
    if (quarter) return setQuarter(quarter);
    const link = target.closest("a[href]");
    if (!link || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    router.push(link.getAttribute("href")!);
  };
  return (
    // Clicks bubble up from the rows' buttons and links, which take the keyboard themselves.
    <div className={cn(className, pending && "opacity-60")} aria-busy={pending || undefined} onClick={onClick}>
      {children}
    </div>
  );
}

/** Previous and next page of the kind shown. */
export function FlagsPager(props: { page: number; hasPrev: boolean; hasNext: boolean; labels: { prev: string; next: string } }) {
  const { setPlace } = usePlaceContext();
  const go = (page: number) => void setPlace({ fpage: page > 1 ? page : null });
  return (
    <>
      <Button type="button" variant="secondary" disabled={!props.hasPrev} onClick={() => go(props.page - 1)}>
        {props.labels.prev}
      </Button>
      <Button type="button" variant="secondary" disabled={!props.hasNext} onClick={() => go(props.page + 1)}>
        {props.labels.next}
      </Button>
    </>
  );
}

/** Saves the rows shown as CSV (written on the server, as the table shows them). */
export function FlagsDownload({ csv, fileName, label }: { csv: string; fileName: string; label: string }) {
  return (
    <button
      type="button"
      onClick={() => downloadBlob(new Blob([csv], { type: "text/csv;charset=utf-8" }), fileName)}
      className="shrink-0 rounded px-1.5 py-0.5 text-xs text-neutral-600 hover:bg-neutral-100 hover:text-neutral-900"
    >
      {label}
    </button>
  );
}
