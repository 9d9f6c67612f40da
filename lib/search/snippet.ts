import { escapeHtml } from "@/lib/content/plain-text";

// Postgres marks matches with these control characters (they cannot appear in stored text
// after cleaning); everything else is escaped before the marks become <mark> elements.
export const MARK_START = "\u0001";
export const MARK_END = "\u0002";
export const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxFragments=2, MaxWords=30, MinWords=10, FragmentDelimiter=" … "`;

/** A ts_headline result as safe HTML: the text escaped, only the match marks kept. */
export function snippetHtml(headline: string | null): string {
  if (!headline) return "";
  return escapeHtml(headline.replace(/[\u0000\u0003-\u0008]/g, ""))
    .replaceAll(MARK_START, "<mark>")
    .replaceAll(MARK_END, "</mark>");
}
