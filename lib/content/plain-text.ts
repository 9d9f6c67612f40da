// Small text helpers shared by the server and the browser (no sanitizer here: it is heavy).

export const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Plain text, as typed into the no-script textarea, as HTML paragraphs. */
export function plainTextToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => `<p>${escapeHtml(block).replace(/\n/g, "<br>")}</p>`)
    .join("");
}

/** Clean stored HTML as editable plain text, for the textarea shown when scripts are off. */
export function htmlToEditableText(html: string): string {
  return html
    .replace(/<\/(p|h\d|li|blockquote|tr)>/gi, "\n\n")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

type DocNode = { type: string; text?: string; content?: DocNode[] };

/**
 * Plain text from the textarea as an editor document (ProseMirror JSON): a blank line starts a
 * paragraph, a single line break is a hard break, and spaces stay as typed. Built so that a
 * caret at offset n in the text is at position n + 1 in the document ("\n\n" closes and opens a
 * paragraph, two positions; "\n" is one hard break; every other character is one position).
 */
export function plainTextToDoc(text: string): DocNode {
  return {
    type: "doc",
    content: text.split("\n\n").map((block) => ({
      type: "paragraph",
      content: block.split("\n").flatMap((line, i) => [
        ...(i > 0 ? [{ type: "hardBreak" }] : []),
        ...(line ? [{ type: "text", text: line }] : []),
      ]),
    })),
  };
}
