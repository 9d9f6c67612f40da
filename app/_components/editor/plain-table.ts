import { mergeAttributes } from "@tiptap/core";
import { Table, TableCell, TableHeader, TableRow } from "@tiptap/extension-table";

// Tables for the editor that draw no style attributes. Tiptap's own table writes its column
// widths and each cell's alignment as style attributes, which the Content Security Policy
// refuses (and which the saved text drops anyway); the site's stylesheet lays tables out. With
// no node view of its own, the table in the editor is drawn just as it is saved.

const PlainTable = Table.extend({
  renderHTML({ HTMLAttributes }) {
    const { style: _style, ...attributes } = HTMLAttributes as Record<string, unknown>;
    return ["table", mergeAttributes(this.options.HTMLAttributes, attributes), ["tbody", 0]];
  },
});

/** A cell's alignment is kept out: it would only be drawn as a style attribute. */
function withoutAlign<T extends Record<string, unknown>>(attributes: T): Omit<T, "align"> {
  const { align: _align, ...rest } = attributes;
  return rest;
}

const PlainHeader = TableHeader.extend({ addAttributes() { return withoutAlign(this.parent?.() ?? {}); } });
const PlainCell = TableCell.extend({ addAttributes() { return withoutAlign(this.parent?.() ?? {}); } });

export const plainTable = [PlainTable.configure({ resizable: false, View: null }), TableRow, PlainHeader, PlainCell];
