// A person's photo when they have one the viewer may see, else initials in a coloured circle.
// Decorative: the person's name is always written beside it, so screen readers skip it.

/**
 * Background colours for avatars, each dark enough for white initials (at least 4.5:1,
 * WCAG AA for small text) and none of them the red the site uses for errors.
 */
export const avatarColours = ["#1d4e89", "#0b6b3a", "#4c2c92", "#912b88", "#505a5f", "#005a5b", "#7a3b00", "#28477a"] as const;

/** "Priya Raman" → "PR"; "Grace" → "G"; "Dr Tom O'Neil" → "DO". */
export function initials(name: string): string {
  const words = name
    .split(/\s+/)
    .map((word) => word.replace(/[^\p{L}\p{N}]/gu, ""))
    .filter(Boolean);
  if (words.length === 0) return "?";
  const first = Array.from(words[0]!)[0]!;
  const last = words.length > 1 ? Array.from(words.at(-1)!)[0]! : "";
  return (first + last).toUpperCase();
}

/**
 * The class that paints each colour, written out whole so that Tailwind finds it. A class, not a
 * style attribute: the Content Security Policy refuses style attributes in served pages.
 */
const avatarBackgrounds: Record<(typeof avatarColours)[number], string> = {
  "#1d4e89": "bg-[#1d4e89]",
  "#0b6b3a": "bg-[#0b6b3a]",
  "#4c2c92": "bg-[#4c2c92]",
  "#912b88": "bg-[#912b88]",
  "#505a5f": "bg-[#505a5f]",
  "#005a5b": "bg-[#005a5b]",
  "#7a3b00": "bg-[#7a3b00]",
  "#28477a": "bg-[#28477a]",
};

export function avatarBackground(seed: string): string {
  return avatarBackgrounds[avatarColour(seed) as (typeof avatarColours)[number]];
}

/** The same person always gets the same colour: a small hash of their id (or name). */
export function avatarColour(seed: string): string {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return avatarColours[hash % avatarColours.length]!;
}

const sizes = { sm: "h-7 w-7 text-xs", md: "h-10 w-10 text-sm", lg: "h-16 w-16 text-xl" } as const;

export function Avatar({ name, seed, size = "md", photo }: { name: string; seed?: string; size?: keyof typeof sizes; photo?: string }) {
  if (photo) {
    // eslint-disable-next-line @next/next/no-img-element -- our own re-encoded square, served with the viewer's permission check
    return <img src={photo} alt="" className={`shrink-0 rounded-full object-cover ${sizes[size]}`} />;
  }
  return (
    <span aria-hidden="true" className={`avatar ${sizes[size]} ${avatarBackground(seed ?? name)}`}>
      {initials(name)}
    </span>
  );
}
