import { getSchema } from "@tiptap/core";
import { Node } from "@tiptap/pm/model";
import StarterKit from "@tiptap/starter-kit";
import { describe, expect, it } from "vitest";
import { plainTextToDoc } from "./plain-text";

const schema = getSchema([StarterKit]);
const samples = [
  "",
  "One line",
  "Trailing space ",
  "  Leading spaces and  double  spaces",
  "Line one\nline two",
  "First paragraph.\n\nSecond paragraph.",
  "Three\n\n\nnewlines",
  "Four\n\n\n\nnewlines",
  "Ends with a break\n",
  "Ends with a paragraph\n\n",
  "\n\nStarts with one",
  "Emoji 🙂 and accents: café",
];

describe("plain text as an editor document", () => {
  for (const text of samples) {
    it(`keeps ${JSON.stringify(text)} exactly, with every caret offset n at position n + 1`, () => {
      const doc = Node.fromJSON(schema, plainTextToDoc(text));
      doc.check();
      expect(doc.textBetween(0, doc.content.size, "\n\n", "\n")).toBe(text);
      // Between the two line breaks of a paragraph break there is no text position: skip it.
      const between = new Set(text.split("\n\n").slice(0, -1).map((_, i, blocks) => blocks.slice(0, i + 1).join("\n\n").length + 1));
      for (let offset = 0; offset <= text.length; offset++) {
        if (between.has(offset)) continue;
        expect(doc.textBetween(1, offset + 1, "\n\n", "\n"), `offset ${offset}`).toBe(text.slice(0, offset));
      }
      expect(doc.content.size).toBe(text.length + 2);
    });
  }
});
