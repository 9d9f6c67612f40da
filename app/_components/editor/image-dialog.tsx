"use client";

import type { Editor } from "@tiptap/react";
import { useEffect, useId, useRef, useState } from "react";
import { LiveRegion } from "../live-region";

/** Where an image uploaded from the editor belongs until the post or document is saved. */
export type ImageUpload = { community?: string; documentId?: string };

type Props = {
  editor: Editor;
  upload: ImageUpload;
  /** A pasted or dropped image, or null when the member chooses one. */
  file: File | null;
  open: boolean;
  onClose: () => void;
};

/**
 * Adds an image to the text: a modal dialog (the browser's own, which keeps focus inside and
 * returns it) asking for the picture and its description for people who cannot see it.
 */
export function ImageDialog({ editor, upload, file, open, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [errors, setErrors] = useState<{ file?: string; alt?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    if (open && dialog && !dialog.open) dialog.showModal();
    if (!open && dialog?.open) dialog.close();
  }, [open]);

  const insert = async () => {
    const dialog = ref.current!;
    const chosen = file ?? dialog.querySelector<HTMLInputElement>(`[id="${id}-file"]`)?.files?.[0] ?? null;
    const alt = dialog.querySelector<HTMLInputElement>(`[id="${id}-alt"]`)?.value.trim() ?? "";
    const found = { file: chosen ? undefined : "Choose an image.", alt: alt ? undefined : "Describe the image for people who cannot see it." };
    setErrors(found);
    if (found.file || found.alt || !chosen) return;
    setBusy(true);
    const body = new FormData();
    body.set("file", chosen);
    body.set("kind", "image");
    if (upload.documentId) body.set("documentId", upload.documentId);
    if (upload.community) body.set("community", upload.community);
    try {
      const response = await fetch("/api/v1/files", { method: "POST", body });
      const result = (await response.json()) as { url?: string; error?: { message: string; fields?: Record<string, string[]> } };
      if (!response.ok || !result.url) {
        setErrors({ file: result.error?.fields?.file?.[0], form: result.error?.fields?.file ? undefined : (result.error?.message ?? "The image could not be added.") });
        return;
      }
      editor.chain().focus().setImage({ src: result.url, alt }).run();
      onClose();
    } catch {
      setErrors({ form: "The image could not be added just now. Check your connection and try again." });
    } finally {
      setBusy(false);
    }
  };

  const field = (name: "file" | "alt") => ({
    id: `${id}-${name}`,
    "aria-describedby": errors[name] ? `${id}-${name}-error` : name === "alt" ? `${id}-alt-hint` : undefined,
    "aria-invalid": errors[name] ? true : undefined,
  });
  return (
    <dialog ref={ref} aria-labelledby={`${id}-title`} onClose={onClose} className="m-auto max-w-lg border-4 border-ink p-6 backdrop:bg-black/50">
      <h2 id={`${id}-title`} className="text-xl font-bold">
        Add an image
      </h2>
      <LiveRegion role="alert" className="mt-2 font-semibold text-danger">
        {errors.form}
      </LiveRegion>
      <div className="mt-4 space-y-4">
        {file ? (
          <p>Image: {file.name || "pasted image"}</p>
        ) : (
          <div>
            <label htmlFor={`${id}-file`} className="block font-semibold">
              Image file
            </label>
            {errors.file && <ErrorText id={`${id}-file-error`} text={errors.file} />}
            <input type="file" accept="image/png,image/jpeg,image/gif,image/webp" {...field("file")} className="mt-1 block w-full max-w-full" />
          </div>
        )}
        {file && errors.file && <ErrorText id={`${id}-file-error`} text={errors.file} />}
        <div>
          <label htmlFor={`${id}-alt`} className="block font-semibold">
            Description of the image
          </label>
          <p id={`${id}-alt-hint`} className="text-muted">
            Say what it shows, for people who use a screen reader. For example: Bar chart of void days falling from 31 to 24.
          </p>
          {errors.alt && <ErrorText id={`${id}-alt-error`} text={errors.alt} />}
          <input
            type="text"
            maxLength={250}
            {...field("alt")}
            onKeyDown={(event) => {
              if (event.key !== "Enter") return;
              event.preventDefault();
              void insert();
            }}
            className="mt-1 block w-full border-2 border-ink px-2 py-1.5"
          />
        </div>
        <div className="flex gap-3">
          <button type="button" onClick={() => void insert()} disabled={busy} className="rounded bg-brand px-4 py-2 font-semibold text-white">
            {busy ? "Adding image…" : "Add image"}
          </button>
          <button type="button" onClick={onClose} className="rounded bg-panel px-4 py-2 font-semibold">
            Cancel
          </button>
        </div>
      </div>
    </dialog>
  );
}

function ErrorText({ id, text }: { id: string; text: string }) {
  return (
    <p id={id} className="font-semibold text-danger">
      <span className="sr-only">Error: </span>
      {text}
    </p>
  );
}
