/**
 * Where to go after signing in: a path on this site, or `fallback`. Anything that a browser
 * could read as another site is refused: `//evil`, `/\evil`, their encoded forms, control
 * characters, and absolute URLs.
 */
export function safeReturnPath(value: unknown, fallback = "/home"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return fallback;
  let decoded = value;
  for (let i = 0; i < 3; i++) {
    try {
      const next = decodeURIComponent(decoded);
      if (next === decoded) break;
      decoded = next;
    } catch {
      return fallback;
    }
  }
  for (const form of [value, decoded]) {
    if (!form.startsWith("/") || form.startsWith("//") || form.startsWith("/\\")) return fallback;
    if (/[\u0000-\u001f\u007f\\]/.test(form)) return fallback;
  }
  const base = "http://roundtable.invalid";
  const url = new URL(value, base);
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : fallback;
}
