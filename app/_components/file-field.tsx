"use client";

import { use } from "react";
import { describedBy, FieldFrame } from "./field-frame";
import { FormState, useFieldId } from "./form";

/** A labelled file input whose hint and error are linked to it for screen readers. */
export function FileField({ name, label, hint }: { name: string; label: string; hint?: string }) {
  const error = use(FormState)?.fieldErrors?.[name]?.[0];
  const id = useFieldId(name);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input id={id} name={name} type="file" aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined} className="mt-1 block" />
    </FieldFrame>
  );
}
