"use client";

import { useCallback, useState } from "react";

/** How far below (or above) the window a chart starts to draw: about a card ahead of the scroll. */
const drawAhead = "300px 0px";

/**
 * Whether the element given `ref` (a placeholder) has come within `drawAhead` of the window;
 * once seen, it stays. A chart below the fold is drawn when the reader scrolls towards it, not
 * with the page (issue 16: what is drawn on load is hydrated and laid out in its long tasks). A
 * callback ref, so a placeholder that appears later (a card that was empty) is watched too.
 */
export function useNearWindow<T extends Element = HTMLDivElement>() {
  const [seen, setSeen] = useState(false);
  const ref = useCallback((el: T | null) => {
    if (!el) return;
    if (typeof IntersectionObserver === "undefined") return setSeen(true);
    // Not in a transition: so drawn, /dashboard's first-screen charts blocked about twice as long in one Lighthouse run (under load).
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setSeen(true), {
      rootMargin: drawAhead,
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, seen };
}
