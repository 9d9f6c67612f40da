// Form controls share one height (40 px, the height of a button) so that a row of fields and
// its button line up along the bottom.

export const inputClass = "h-10 rounded-none border-2 border-ink bg-white px-2";
export const selectClass = "h-10 max-w-full rounded-none border-2 border-ink bg-white px-2";
export const labelClass = "block font-semibold";
/** A checkbox beside its label, the same height as the fields next to it. */
export const checkboxRowClass = "flex h-10 items-center gap-2";
export const checkboxClass = "h-5 w-5 accent-brand";
