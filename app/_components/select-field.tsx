"use client";

import { use } from "react";
import { describedBy, FieldFrame } from "./field-frame";
import { FormState, useFieldId } from "./form";

/** A labelled drop-down list whose hint and error are linked to it, keeping the choice after a failed submit. */
export function SelectField({
  name,
  label,
  options,
  defaultValue,
  hint,
}: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  hint?: string;
}) {
  const state = use(FormState);
  const error = state?.fieldErrors?.[name]?.[0];
  const value = state?.values?.[name] ?? defaultValue;
  const id = useFieldId(name);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select
        key={value}
        id={id}
        name={name}
        defaultValue={value}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        className={`block w-full max-w-xl rounded-none border-2 ${error ? "border-danger" : "border-ink"} bg-white px-2 py-1.5`}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
