"use client";

import dynamic from "next/dynamic";
import { use, useState, useSyncExternalStore } from "react";
import { htmlToEditableText, plainTextToHtml } from "@/lib/content/plain-text";
import { FormState, useFieldId } from "../form";

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
};

/**
 * A rich-text field. The server renders a plain textarea, which posts plain text if scripts
 * never load. Once they do, the editor takes its place and posts HTML in the same field.
 */
export function RichTextField({ name, label, hint, defaultValue = "", mentionSlug, load = "now", rows = 10 }: Props) {
  const state = use(FormState);
  const error = state?.fieldErrors?.[name]?.[0];
  const value = state?.values?.[name] ?? defaultValue;
  const wasHtml = state?.values?.[`${name}Format`] ? state.values[`${name}Format`] === "html" : true;
  // False while rendering on the server and hydrating, true once scripts run in the browser.
  const enhanced = useSyncExternalStore(noSubscription, () => true, () => false);
  const [wanted, setWanted] = useState(load === "now");
  const id = useFieldId(name);
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  const active = enhanced && wanted;
  return (
    <div className={error ? "border-l-4 border-danger pl-3" : undefined}>
      <label id={`${id}-label`} htmlFor={active ? undefined : id} className="block font-semibold">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="font-semibold text-danger">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      )}
      <input type="hidden" name={`${name}Format`} value={active ? "html" : "plain"} />
      {active ? (
        <TiptapEditor
          key={value}
          id={id}
          name={name}
          initialHtml={wasHtml ? value : plainTextToHtml(value)}
          labelledBy={`${id}-label`}
          describedBy={describedBy}
          invalid={Boolean(error)}
          mentionSlug={mentionSlug}
          autoFocus={load === "on-focus"}
        />
      ) : (
        <textarea
          key={value}
          id={id}
          name={name}
          rows={rows}
          defaultValue={wasHtml ? htmlToEditableText(value) : value}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          onFocus={() => setWanted(true)}
          className={`block w-full rounded-none border-2 ${error ? "border-danger" : "border-ink"} px-2 py-1.5`}
        />
      )}
    </div>
  );
}
