import { existsSync } from "node:fs";

/** A system Chromium when there is one (CHROMIUM_PATH, or Debian's); else Playwright's own. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
  return candidates.find((candidate) => candidate && existsSync(candidate));
}
