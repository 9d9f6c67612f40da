// One look per level of action, used the same way on every page:
//   primary    the one main thing a form or page is for (Post reply, Save changes)
//   secondary  other actions beside it (Follow, Withdraw my request, Filter)
//   danger     actions that remove or hide something (Hide post, Ban, Remove)
//   link       quiet, frequent actions in a row of their own (a reply's Helpful, Reply, Edit, Report)
// Buttons come in two sizes: "md" for forms and pages, "sm" for rows of controls on one item.
// The looks are classes in globals.css (.btn, .btn-<kind>, .btn-<size>): a few short names in
// the HTML and the RSC payload, instead of a long list of utilities on every button of a list.

export type ButtonKind = "primary" | "secondary" | "danger" | "link";
export type ButtonSize = "md" | "sm";

/** Classes for a button, or for a link that looks like one. */
export function buttonClass(kind: ButtonKind = "primary", size: ButtonSize = "md") {
  return `btn btn-${size} btn-${kind}`;
}
