"use client";

import type { Editor } from "@tiptap/react";
import dynamic from "next/dynamic";
import { use, useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { flushSync } from "react-dom";
import { htmlToEditableText, plainTextToHtml } from "@/lib/content/plain-text";
import { describedBy, FieldFrame } from "../field-frame";
import { FormState, useFieldId } from "../form-client";
import type { ImageUpload } from "./image-dialog";
import { takeOverText } from "./take-over";
import { ToolbarSpace } from "./toolbar-space";

const noSubscription = () => () => {};

const TiptapEditor = dynamic(() => import("./tiptap-editor"), { ssr: false });

type Props = {
  name: string;
  label: string;
  hint?: string;
  defaultValue?: string;
  /** The community whose members can be @mentioned. */
  mentionSlug?: string;
  /** Load the editor at once, or only when the field is first focused (keeps pages light). */
  load?: "now" | "on-focus";
  rows?: number;
  /** Where images added to the text are uploaded; without it, the field takes no images. */
  imageUpload?: ImageUpload;
};

/**
 * A rich-text field. The server renders a plain textarea, which posts plain text until the
 * editor is ready. The editor loads hidden beside it and, once ready, takes over in one step
 * with what was typed and where the caret was, so no keystroke is lost whenever it arrives.
 */
export function RichTextField(props: Props) {
  const state = use(FormState);
  const value = state?.values?.[props.name] ?? props.defaultValue ?? "";
  const wasHtml = state?.values?.[`${props.name}Format`] ? state.values[`${props.name}Format`] === "html" : true;
  // React resets the form after each submit (the textarea, never the editor): start afresh
  // then, from what was posted if it failed, from the server's value if it went through.
  const [resets, setResets] = useState(0);
  const wrapper = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const form = wrapper.current?.closest("form");
    const onReset = () => setResets((n) => n + 1);
    form?.addEventListener("reset", onReset);
    return () => form?.removeEventListener("reset", onReset);
  }, []);
  return (
    <div ref={wrapper}>
      <Field key={`${resets}:${value}`} {...props} value={value} wasHtml={wasHtml} error={state?.fieldErrors?.[props.name]?.[0]} />
    </div>
  );
}

function Field({ name, label, hint, mentionSlug, load = "now", rows = 10, value, wasHtml, error, imageUpload }: Props & { value: string; wasHtml: boolean; error?: string }) {
  // False while rendering on the server and hydrating, true once scripts run in the browser.
  const enhanced = useSyncExternalStore(noSubscription, () => true, () => false);
  const [wanted, setWanted] = useState(load === "now");
  const [active, setActive] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const id = useFieldId(name);
  const fieldDescription = describedBy(id, hint, error);

  // Focused before scripts ran: the focus event has been missed, so load the editor now.
  useEffect(() => {
    if (document.activeElement === textarea.current) setWanted(true);
  }, []);

  const onReady = useCallback((editor: Editor) => {
    const area = textarea.current;
    if (!area) return;
    const swap = () => {
      const focused = document.activeElement === area;
      takeOverText(editor, area, { keepHtml: wasHtml && value !== "" });
      // Hide the textarea and show the editor in this same task: no key can land in between.
      flushSync(() => setActive(true));
      if (focused) editor.view.focus();
    };
    // Never take over in the middle of composing a character (accents, Chinese, Japanese).
    if (area.dataset.composing === "true") area.addEventListener("compositionend", () => setTimeout(swap), { once: true });
    else swap();
  }, [value, wasHtml]);

  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} labelId={`${id}-label`} labelFor={active ? null : id}>
      <input type="hidden" name={`${name}Format`} value={active ? "html" : "plain"} />
      {enhanced && !active && <ToolbarSpace withImage={Boolean(imageUpload)} />}
      {!active && (
        <textarea
          ref={textarea}
          id={id}
          name={name}
          rows={rows}
          defaultValue={wasHtml ? htmlToEditableText(value) : value}
          aria-describedby={fieldDescription}
          aria-invalid={error ? true : undefined}
          onFocus={() => setWanted(true)}
          onCompositionStart={(event) => (event.currentTarget.dataset.composing = "true")}
          onCompositionEnd={(event) => delete event.currentTarget.dataset.composing}
          className={`block w-full rounded-none border-2 ${error ? "border-danger" : "border-ink"} px-2 py-1.5`}
        />
      )}
      {enhanced && wanted && (
        <TiptapEditor
          active={active}
          id={id}
          name={name}
          initialHtml={wasHtml ? value : plainTextToHtml(value)}
          labelledBy={`${id}-label`}
          describedBy={fieldDescription}
          invalid={Boolean(error)}
          mentionSlug={mentionSlug}
          imageUpload={imageUpload}
          onReady={onReady}
        />
      )}
    </FieldFrame>
  );
}
