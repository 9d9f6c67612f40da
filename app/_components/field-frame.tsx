import type { ReactNode } from "react";

/** The ids a field's hint and error carry, for its `aria-describedby`. */
export function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
}

/** A field's hint and error, with the ids `describedBy` names. */
export function FieldMessages({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
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
    </>
  );
}

/** A field's label, hint and error above its control, marked at the side when in error. */
export function FieldFrame({
  id,
  label,
  hint,
  error,
  labelFor = id,
  labelId,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /** Null when the control is not a labelable element (the rich-text editor once active). */
  labelFor?: string | null;
  labelId?: string;
  children: ReactNode;
}) {
  return (
    <div className={error ? "border-l-4 border-danger pl-3" : undefined}>
      <label id={labelId} htmlFor={labelFor ?? undefined} className="block font-semibold">
        {label}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}
