import render from "dom-serializer";
import { DomUtils, parseDocument } from "htmlparser2";

// Clean rich text as a list of its top-level blocks (paragraphs, headings, lists, tables,
// quotes): the unit that merges and readable differences work on.

export type Block = {
  /** The block's HTML, exactly as stored. */
  html: string;
  /** Its words, with spaces tidied. */
  text: string;
  /** What a reader would call it: "paragraph", "heading", "list"… */
  label: string;
};

const LABELS: Record<string, string> = {
  p: "paragraph",
  h2: "heading",
  h3: "subheading",
  h4: "subheading",
  ul: "list",
  ol: "numbered list",
  table: "table",
  blockquote: "quote",
  pre: "code",
  hr: "dividing line",
  img: "image",
};

/** Splits clean HTML into its top-level blocks. Text outside any block becomes a paragraph of its own. */
export function htmlBlocks(html: string): Block[] {
  const doc = parseDocument(html);
  const blocks: Block[] = [];
  for (const node of doc.children) {
    const nodeHtml = render(node, { encodeEntities: "utf8" });
    const name = "name" in node ? String(node.name) : "";
    const text = blockText(node, name);
    if (!nodeHtml.trim()) continue;
    blocks.push({ html: nodeHtml, text, label: LABELS[name] ?? "paragraph" });
  }
  return blocks;
}

type Node = ReturnType<typeof parseDocument>["children"][number];

function blockText(node: Node, name: string): string {
  if (name === "img") return `[image: ${DomUtils.getAttributeValue(node as never, "alt") ?? ""}]`;
  // Keep list items and cells apart, so that their words do not run together.
  const parts = DomUtils.findAll((n) => ["li", "td", "th"].includes(n.name), [node]);
  const text = parts.length ? parts.map((p) => DomUtils.textContent(p)).join(" · ") : DomUtils.textContent(node);
  return text.replace(/\s+/g, " ").trim();
}

/** Joins blocks back into HTML. */
export function joinBlocks(blocks: readonly string[]): string {
  return blocks.join("");
}
