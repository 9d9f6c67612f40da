"use client";

import { useEffect, useRef, useState } from "react";

type SaveDraft = (data: Record<string, string>) => Promise<{ savedAt?: string; posted?: boolean; error?: string }>;

/** The form's own key goes with each save: once the form is posted, the server refuses late saves. */
const FIELDS = ["kind", "title", "body", "tags", "idempotencyKey"];

/**
 * Saves the surrounding form as a draft on the server a moment after the member stops typing,
 * and says so politely. Reopening the form brings the draft back. Submitting the form cancels
 * a save that is still waiting: what is being posted needs no draft.
 */
export function DraftAutosave({ draftKey, save, names = FIELDS }: { draftKey: string; save: SaveDraft; names?: string[] }) {
  const fieldList = names.join(",");
  const marker = useRef<HTMLParagraphElement>(null);
  const [message, setMessage] = useState("");
  useEffect(() => {
    const form = marker.current?.closest("form");
    if (!form) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onInput = () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const data = new FormData(form);
        const fields: Record<string, string> = { key: draftKey };
        for (const field of fieldList.split(",")) {
          const value = data.get(field);
          if (typeof value === "string") fields[field] = value;
        }
        const result: Awaited<ReturnType<SaveDraft>> = await save(fields).catch(() => ({}));
        if (result.posted) return;
        setMessage(
          result.savedAt
            ? `Draft saved at ${new Date(result.savedAt).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" })}.`
            : "Your draft could not be saved just now. Keep this page open.",
        );
      }, 1500);
    };
    const onSubmit = () => clearTimeout(timer);
    form.addEventListener("input", onInput);
    form.addEventListener("submit", onSubmit);
    return () => {
      clearTimeout(timer);
      form.removeEventListener("input", onInput);
      form.removeEventListener("submit", onSubmit);
    };
  }, [draftKey, save, fieldList]);
  return (
    <p ref={marker} role="status" className="text-sm text-muted">
      {message}
    </p>
  );
}
