"use client";

import { useEffect, useRef, useState } from "react";

type SaveDraft = (data: Record<string, string>) => Promise<{ savedAt?: string; error?: string }>;

const FIELDS = ["kind", "title", "body", "tags"];

/**
 * Saves the surrounding form as a draft on the server a moment after the member stops typing,
 * and says so politely. Reopening the form brings the draft back.
 */
export function DraftAutosave({ draftKey, save }: { draftKey: string; save: SaveDraft }) {
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
        for (const field of FIELDS) {
          const value = data.get(field);
          if (typeof value === "string") fields[field] = value;
        }
        const result: { savedAt?: string } = await save(fields).catch(() => ({}));
        setMessage(
          result.savedAt
            ? `Draft saved at ${new Date(result.savedAt).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" })}.`
            : "Your draft could not be saved just now. Keep this page open.",
        );
      }, 1500);
    };
    form.addEventListener("input", onInput);
    return () => {
      clearTimeout(timer);
      form.removeEventListener("input", onInput);
    };
  }, [draftKey, save]);
  return (
    <p ref={marker} role="status" className="text-sm text-muted">
      {message}
    </p>
  );
}
