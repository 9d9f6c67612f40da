// One look per level of action, used the same way on every page:
//   primary    the one main thing a form or page is for (Post reply, Save changes)
//   secondary  other actions beside it (Follow, Withdraw my request, Filter)
//   danger     actions that remove or hide something (Hide post, Ban, Remove)
//   link       quiet, frequent actions in a row of their own (a reply's Helpful, Reply, Edit, Report)
// Buttons come in two sizes: "md" for forms and pages, "sm" for rows of controls on one item.

const kinds = {
  primary: "bg-brand text-white hover:bg-brand-dark hover:text-white shadow-[0_2px_0_#0b0c0c] no-underline",
  secondary: "bg-panel text-ink hover:bg-[#dbdad9] hover:text-ink shadow-[0_2px_0_#929191] no-underline",
  danger: "bg-danger text-white hover:bg-[#8a0019] hover:text-white shadow-[0_2px_0_#55000f] no-underline",
  link: "text-brand underline underline-offset-2 hover:text-brand-dark hover:decoration-2 px-0! py-0! border-0!",
};

const sizes = { md: "min-h-10 px-4 py-1.5", sm: "min-h-8 px-3 py-0.5 text-sm" };

export type ButtonKind = keyof typeof kinds;
export type ButtonSize = keyof typeof sizes;

/** Classes for a button, or for a link that looks like one. */
export function buttonClass(kind: ButtonKind = "primary", size: ButtonSize = "md") {
  return `inline-flex items-center justify-center gap-2 rounded border-2 border-transparent font-semibold disabled:opacity-60 ${sizes[size]} ${kinds[kind]}`;
}
