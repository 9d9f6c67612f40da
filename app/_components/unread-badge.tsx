"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";

/** Shows "99+" past this, as the server counts no further. */
const CAP = 99;

/**
 * The unread count beside "Notifications" in the header. The server renders it with the page;
 * the header stays in place as a member moves between pages, so it asks again after each move
 * and when the member comes back to the tab.
 */
export function UnreadBadge({ initial }: { initial: number }) {
  const [count, setCount] = useState(initial);
  const pathname = usePathname();
  const first = useRef(true);

  useEffect(() => {
    const refresh = () =>
      fetch("/api/v1/notifications?count=1", { cache: "no-store" })
        .then((r) => (r.ok ? r.json() : null))
        .then((body: { unread?: number } | null) => {
          if (typeof body?.unread === "number") setCount(body.unread);
        })
        .catch(() => undefined);
    if (first.current) first.current = false;
    else void refresh();
    const onVisible = () => {
      if (document.visibilityState === "visible") void refresh();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [pathname]);

  if (count === 0) return null;
  return (
    <span className="ml-1 inline-block min-w-6 rounded-full bg-white px-2 text-center text-sm font-bold text-ink" data-testid="unread-count">
      {count > CAP ? `${CAP}+` : count}
      <span className="sr-only"> unread</span>
    </span>
  );
}
