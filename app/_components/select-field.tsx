"use client";

import { use } from "react";
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
      <select
        key={value}
        id={id}
        name={name}
        defaultValue={value}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        className={`block w-full max-w-xl rounded-none border-2 ${error ? "border-danger" : "border-ink"} bg-white px-2 py-1.5`}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
