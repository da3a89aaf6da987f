"use client";

import { Button } from "~/app/_components/ui/button";

/** Opens the browser's print dialog (the page's print styles lay it out as the paper record). */
export function PrintButton({ className, children }: { className?: string; children: React.ReactNode }) {
  return (
    <Button type="button" className={className} onClick={() => window.print()}>
      {children}
    </Button>
  );
}
