const buttonStyles = {
  primary: "bg-brand text-white hover:bg-brand-dark hover:text-white border-2 border-transparent shadow-[0_2px_0_#0b0c0c] no-underline",
  secondary: "bg-panel text-ink hover:bg-[#dbdad9] hover:text-ink border-2 border-transparent shadow-[0_2px_0_#929191] no-underline",
  danger: "bg-danger text-white hover:bg-[#8a0019] hover:text-white border-2 border-transparent shadow-[0_2px_0_#55000f]",
  link: "text-brand underline underline-offset-2 hover:text-brand-dark px-0! py-0! shadow-none",
};

export type ButtonKind = keyof typeof buttonStyles;

/** Classes for a button, or for a link that looks like one. */
export function buttonClass(kind: ButtonKind = "primary") {
  return `inline-flex items-center gap-2 rounded px-4 py-2 font-semibold disabled:opacity-60 ${buttonStyles[kind]}`;
}
