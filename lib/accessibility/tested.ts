// What the end-to-end suite proves about accessibility, in words. The keyboard and reflow tests
// take their titles and sizes from here, and the accessibility statement lists the same, so the
// statement says exactly what the suite tests: a task renamed or dropped here changes both.

/** Core tasks with a journey that uses the keyboard alone (each test is titled "<task> by keyboard alone"). */
export const keyboardJourneys = {
  signUp: "sign up, confirm the address and join a community",
  notificationSettings: "change notification settings",
  post: "post with the rich editor",
  helpfulAndReply: "mark a post helpful and reply to it",
  replyPages: "read a long thread's replies page by page",
  report: "report a post",
  search: "search from the header and open a result",
  moderate: "moderate a reported post",
  rsvp: "answer an event's invitation (RSVP)",
  editDocument: "edit a library document",
} as const;

/** The window sizes at which the main pages are checked for reflow (WCAG 1.4.10) and resize (1.4.4). */
export const reflowSizes = [
  { name: "320 CSS pixels wide (a 1,280-pixel window at 400% zoom)", viewport: { width: 320, height: 256 }, deviceScaleFactor: 4 },
  { name: "200% zoom (a 1,280 by 800 window)", viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
] as const;

/** The pages checked at those sizes and with reduced motion, as people would name them. */
export const reflowPages = [
  "home",
  "a community",
  "a post",
  "search results",
  "a community's events",
  "a community's library",
  "people",
  "account settings",
  "notification settings",
] as const;
