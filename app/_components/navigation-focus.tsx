"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useRef } from "react";
import { focusIsLost, moveFocusTo } from "./focus";

/**
 * After a client-side navigation (a link, or a form that goes on to another page), the focus
 * moves to the element the address points at (#comment-…) or, if the focus was lost, to the
 * new page's heading. Next.js announces the new page's title; this puts the keyboard there too.
 * The first page load is left alone: the browser handles it.
 */
export function NavigationFocus() {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const hash = decodeURIComponent(window.location.hash.slice(1));
    const target = hash ? document.getElementById(hash) : null;
    if (target) moveFocusTo(target);
    // Focus left on the main content as a whole (a replaced form hands it there) counts as lost.
    else if (focusIsLost() || document.activeElement?.id === "main") moveFocusTo(document.querySelector("main h1") ?? document.getElementById("main"));
  }, [pathname, search]);
  return null;
}
