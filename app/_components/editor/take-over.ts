import type { Node } from "@tiptap/pm/model";
import { TextSelection } from "@tiptap/pm/state";
import type { Editor } from "@tiptap/react";
import { plainTextToDoc } from "@/lib/content/plain-text";

/**
 * Moves what is in the textarea into the editor, with the caret or selection where it was.
 * Text the member typed (or a value a script filled in) always wins; an untouched textarea
 * keeps the editor's richer HTML for the same text. Not undoable: undo must not empty the box.
 */
export function takeOverText(editor: Editor, area: HTMLTextAreaElement, { keepHtml }: { keepHtml: boolean }) {
  const tr = editor.state.tr;
  const { selectionStart, selectionEnd, selectionDirection } = area;
  let from: number;
  let to: number;
  if (keepHtml && area.value === area.defaultValue) {
    from = positionOfOffset(tr.doc, selectionStart);
    to = positionOfOffset(tr.doc, selectionEnd);
  } else {
    const doc = editor.schema.nodeFromJSON(plainTextToDoc(area.value));
    tr.replaceWith(0, tr.doc.content.size, doc.content);
    // plainTextToDoc puts the character at offset n at position n + 1.
    from = selectionStart + 1;
    to = selectionEnd + 1;
  }
  const clamp = (pos: number) => tr.doc.resolve(Math.max(0, Math.min(pos, tr.doc.content.size)));
  const [anchor, head] = selectionDirection === "backward" ? [to, from] : [from, to];
  tr.setSelection(TextSelection.between(clamp(anchor), clamp(head)));
  tr.setMeta("addToHistory", false);
  editor.view.dispatch(tr);
}

/** The document position whose text before it, as the textarea showed it, has this length. */
function positionOfOffset(doc: Node, offset: number): number {
  let low = 0;
  let high = doc.content.size;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (doc.textBetween(0, mid, "\n\n", "\n").length < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
