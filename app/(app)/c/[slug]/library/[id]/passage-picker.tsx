"use client";

import { useEffect, useState } from "react";

/**
 * With scripts on: a button that copies the words selected in the document into the comment's
 * passage field. The field itself works without it, by copying and pasting.
 */
export function PassagePicker({ textId, fieldId }: { textId: string; fieldId: string }) {
  const [selected, setSelected] = useState("");
  useEffect(() => {
    const onChange = () => {
      const selection = document.getSelection();
      const text = document.getElementById(textId);
      const inside = selection && selection.rangeCount > 0 && text?.contains(selection.getRangeAt(0).commonAncestorContainer);
      setSelected(inside ? selection.toString().replace(/\s+/g, " ").trim().slice(0, 1000) : "");
    };
    document.addEventListener("selectionchange", onChange);
    return () => document.removeEventListener("selectionchange", onChange);
  }, [textId]);
  if (!selected) return null;
  return (
    <button
      type="button"
      className="rounded bg-panel px-3 py-1 font-semibold"
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => {
        const field = document.getElementById(fieldId) as HTMLTextAreaElement | null;
        if (!field) return;
        field.value = selected;
        field.focus();
      }}
    >
      Comment on the selected words
    </button>
  );
}
