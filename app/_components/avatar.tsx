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

/** The same person always gets the same colour: a small hash of their id (or name), as an index into avatarColours. */
export function avatarColourIndex(seed: string): number {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return hash % avatarColours.length;
}

export function avatarColour(seed: string): string {
  return avatarColours[avatarColourIndex(seed)]!;
}

// Short class names (globals.css: .avatar-<size>, .avatar-c<index>): an avatar stands beside
// every reply and feed row, in the HTML and again in the RSC payload.
type Size = "sm" | "md" | "lg";
const photoSizes = { sm: "h-7 w-7", md: "h-10 w-10", lg: "h-16 w-16" } as const;

export function Avatar({ name, seed, size = "md", photo }: { name: string; seed?: string; size?: Size; photo?: string }) {
  if (photo) {
    // eslint-disable-next-line @next/next/no-img-element -- our own re-encoded square, served with the viewer's permission check
    return <img src={photo} alt="" className={`shrink-0 rounded-full object-cover ${photoSizes[size]}`} />;
  }
  return (
    <span aria-hidden="true" className={`avatar avatar-${size} avatar-c${avatarColourIndex(seed ?? name)}`}>
      {initials(name)}
    </span>
  );
}
