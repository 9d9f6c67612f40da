// Where the keyboard focus goes when what held it goes away: after a client-side navigation,
// or when an action's button is replaced (Join becomes Leave). Without this the focus falls back
// to the page itself and a keyboard or screen-reader user starts again from the top.

/** Whether nothing on the page holds the focus. */
export function focusIsLost() {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected;
}

/** Moves the focus to an element, making it focusable by script if it is not already. */
export function moveFocusTo(element: Element | null) {
  if (!(element instanceof HTMLElement)) return;
  if (element.tabIndex < 0 && !element.hasAttribute("tabindex")) element.setAttribute("tabindex", "-1");
  element.focus({ preventScroll: true });
}

/** The region around an element that a screen reader announces by name: a section, a form, or the main content. */
export function nearestRegion(element: Element) {
  return element.closest("section, [role=region], article, form, main");
}
