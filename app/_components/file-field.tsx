"use client";

import { use } from "react";
import { FormState, useFieldId } from "./form";

/** A labelled file input whose hint and error are linked to it for screen readers. */
export function FileField({ name, label, hint }: { name: string; label: string; hint?: string }) {
  const state = use(FormState);
  const error = state?.fieldErrors?.[name]?.[0];
  const id = useFieldId(name);
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "border-l-4 border-danger pl-3" : undefined}>
      <label htmlFor={id} className="block font-semibold">
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
      <input id={id} name={name} type="file" aria-describedby={describedBy} aria-invalid={error ? true : undefined} className="mt-1 block w-full max-w-full" />
    </div>
  );
}
