import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * The app's link: next/link that does not prefetch unless asked (`prefetch`). Next prefetches
 * every link that comes into view; on /dashboard that was 16 requests while the page loaded (the
 * tabs, the case figures, the completeness card — twice over), each answer rendered by the
 * server and decoded on the browser's main thread in the very seconds an office PC is busiest
 * (issue 16: total blocking time). Every page here is rendered per request, so a prefetch
 * saved little. Imported instead of next/link everywhere (eslint: no-restricted-syntax).
 */
export function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
