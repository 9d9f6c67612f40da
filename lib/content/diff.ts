import { diffArrays, diffWords } from "diff";
import { htmlBlocks, type Block } from "./blocks";
import { escapeHtml } from "./plain-text";

// A difference between two versions of rich text that a non-technical reader can follow:
// block by block, and word by word inside a changed block. Used for posts and documents.

export type DiffPart = { change: "same" | "added" | "removed"; text: string };
export type DiffBlock =
  | { change: "same"; label: string; text: string }
  | { change: "added" | "removed"; label: string; text: string }
  | { change: "changed"; label: string; parts: DiffPart[]; formattingOnly: boolean }
  /** Unchanged blocks left out between changes. */
  | { change: "skipped"; count: number };

export type TextDiff = { blocks: DiffBlock[]; wordsAdded: number; wordsRemoved: number };

/** Past this many word edits in one block, the block is shown as replaced rather than word by word. */
const MAX_WORD_EDITS = 2000;

const words = (text: string) => (text.match(/\S+/g) ?? []).length;

/** What changed from `before` to `after` (both clean HTML), with unchanged stretches shortened. */
export function diffRichText(before: string, after: string, { context = 1 } = {}): TextDiff {
  const a = htmlBlocks(before);
  const b = htmlBlocks(after);
  const out: DiffBlock[] = [];
  let wordsAdded = 0;
  let wordsRemoved = 0;
  const chunks = diffArrays(a, b, { comparator: (x: Block, y: Block) => x.html === y.html });
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i]!;
    const next = chunks[i + 1];
    if (!chunk.added && !chunk.removed) {
      for (const block of chunk.value) out.push({ change: "same", label: block.label, text: block.text });
      continue;
    }
    // A removed run followed by an added run: pair them up as changed blocks.
    const removed = chunk.removed ? chunk.value : [];
    const added = chunk.removed && next?.added ? next.value : chunk.added ? chunk.value : [];
    if (chunk.removed && next?.added) i++;
    const paired = Math.min(removed.length, added.length);
    for (let j = 0; j < paired; j++) {
      const change = changedBlock(removed[j]!, added[j]!);
      out.push(change.block);
      wordsAdded += change.added;
      wordsRemoved += change.removed;
    }
    for (const block of removed.slice(paired)) {
      out.push({ change: "removed", label: block.label, text: block.text });
      wordsRemoved += words(block.text);
    }
    for (const block of added.slice(paired)) {
      out.push({ change: "added", label: block.label, text: block.text });
      wordsAdded += words(block.text);
    }
  }
  return { blocks: shorten(out, context), wordsAdded, wordsRemoved };
}

function changedBlock(from: Block, to: Block): { block: DiffBlock; added: number; removed: number } {
  const label = from.label === to.label ? to.label : `${from.label} now a ${to.label}`;
  if (from.text === to.text) {
    return { block: { change: "changed", label, parts: [{ change: "same", text: to.text }], formattingOnly: true }, added: 0, removed: 0 };
  }
  const changes = diffWords(from.text, to.text, { maxEditLength: MAX_WORD_EDITS });
  const parts: DiffPart[] = changes
    ? changes.map((c) => ({ change: c.added ? "added" : c.removed ? "removed" : "same", text: c.value }))
    : [
        { change: "removed", text: from.text },
        { change: "added", text: ` ${to.text}` },
      ];
  const count = (kind: DiffPart["change"]) => parts.filter((p) => p.change === kind).reduce((n, p) => n + words(p.text), 0);
  return { block: { change: "changed", label, parts, formattingOnly: false }, added: count("added"), removed: count("removed") };
}

/** Keeps `context` unchanged blocks either side of each change; the rest become "n unchanged". */
function shorten(blocks: DiffBlock[], context: number): DiffBlock[] {
  const near = blocks.map((_, i) => blocks.slice(Math.max(0, i - context), i + context + 1).some((b) => b.change !== "same"));
  const out: DiffBlock[] = [];
  blocks.forEach((block, i) => {
    if (block.change !== "same" || near[i]) return void out.push(block);
    const last = out.at(-1);
    if (last?.change === "skipped") last.count++;
    else out.push({ change: "skipped", count: 1 });
  });
  return out;
}

const hidden = (text: string) => `<span class="sr-only">${text}</span>`;
const ins = (text: string) => `<ins>${hidden("[added: ")}${escapeHtml(text)}${hidden("]")}</ins>`;
const del = (text: string) => `<del>${hidden("[removed: ")}${escapeHtml(text)}${hidden("]")}</del>`;

/**
 * The difference as safe HTML: added words in <ins>, removed words in <del>, each announced to
 * screen readers in words ("added", "removed"), since colour and strike-through are not heard.
 */
export function renderDiffHtml(diff: TextDiff): string {
  if (!diff.blocks.some((b) => b.change !== "same" && b.change !== "skipped")) return `<p class="diff-none">No differences in the text.</p>`;
  return diff.blocks
    .map((block) => {
      switch (block.change) {
        case "skipped":
          return `<p class="diff-skipped">${block.count === 1 ? "1 unchanged paragraph" : `${block.count} unchanged paragraphs`}</p>`;
        case "same":
          return `<p class="diff-same">${escapeHtml(block.text)}</p>`;
        case "added":
          return `<div class="diff-block diff-added"><p class="diff-label">Added ${block.label}</p><p>${ins(block.text)}</p></div>`;
        case "removed":
          return `<div class="diff-block diff-removed"><p class="diff-label">Removed ${block.label}</p><p>${del(block.text)}</p></div>`;
        case "changed": {
          const body = block.parts.map((p) => (p.change === "added" ? ins(p.text) : p.change === "removed" ? del(p.text) : escapeHtml(p.text))).join("");
          const label = block.formattingOnly ? `Formatting changed in this ${block.label}` : `Changed ${block.label}`;
          return `<div class="diff-block diff-changed"><p class="diff-label">${label}</p><p>${body}</p></div>`;
        }
      }
    })
    .join("");
}
