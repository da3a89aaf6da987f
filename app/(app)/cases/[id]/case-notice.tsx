"use client";

import { createContext, useContext, useState } from "react";
import { Notice } from "~/app/_components/ui/notice";

const NoticeContext = createContext<{ notice: string | null; say: (message: string) => void }>({ notice: null, say: () => undefined });

/** The page's one success message (a move, an item, an edit), said by any of its islands and shown under the header. */
export function CaseNoticeProvider({ children }: { children: React.ReactNode }) {
  const [notice, say] = useState<string | null>(null);
  return <NoticeContext.Provider value={{ notice, say }}>{children}</NoticeContext.Provider>;
}

export const useCaseNotice = () => useContext(NoticeContext).say;

export function CaseNotice() {
  const { notice } = useContext(NoticeContext);
  return notice ? <Notice tone="success">{notice}</Notice> : null;
}
