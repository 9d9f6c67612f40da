"use client";

import { createContext, use, useActionState, useEffect, useId, useRef } from "react";
import type { ActionState, FormAction } from "@/lib/http/form-action";
import { describedBy, FieldFrame, FieldMessages } from "./field-frame";
import { focusIsLost, moveFocusTo, nearestRegion } from "./focus";
import { LiveRegion } from "./live-region";

export const FormState = createContext<ActionState>(null);
/** Prefixes field ids, so that several forms on one page never share an id. */
const FormIdPrefix = createContext("");

/** The id of a field's input, as the error summary links to it. */
export function useFieldId(name: string): string {
  const prefix = use(FormIdPrefix);
  return `${prefix ? `${prefix}-` : ""}field-${name}`;
}

/**
 * A form posting to a server action. It works before JavaScript loads; once loaded, errors
 * appear without a page load, in a summary at the top and next to each field. Pages use
 * `ActionForm` from ./form, which works out the button's classes on the server, so that no
 * style table travels to the browser.
 */
export function ActionFormClient({
  action,
  submitLabel,
  submitClassName,
  children,
  icon,
  labelSuffix,
  className = "space-y-5",
  summary = true,
  pendingLabel,
  idPrefix = "",
}: {
  action: FormAction;
  submitLabel: string;
  submitClassName: string;
  idPrefix?: string;
  children?: React.ReactNode;
  icon?: React.ReactNode;
  labelSuffix?: string;
  className?: string;
  summary?: boolean;
  pendingLabel?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const formRef = useKeepFocusNearby();
  return (
    <FormState value={state}>
      <FormIdPrefix value={idPrefix}>
      <form
        ref={formRef}
        action={formAction}
        noValidate
        className={className}
        aria-busy={pending}
        // One submit at a time: a second press while the first is on its way does nothing.
        onSubmit={(event) => pending && event.preventDefault()}
      >
        {summary && <ErrorSummary state={state} idPrefix={idPrefix} />}
        {children}
        <div>
          {/* aria-disabled, not disabled, while it is sent: a disabled button drops the keyboard focus. */}
          <button type="submit" className={submitClassName} aria-disabled={pending || undefined} aria-label={labelSuffix && submitLabel + labelSuffix}>
            {icon}
            {pending ? (pendingLabel ?? `${submitLabel}…`) : submitLabel}
          </button>
          {/* Both regions are in the page, empty, before the form is first sent, so that screen readers
              announce what fills them. Inside the button's row, so that while empty they add no space. */}
          {!summary && (
            <LiveRegion role="alert" className="mt-2 font-semibold text-danger">
              {state && !state.ok && state.message}
            </LiveRegion>
          )}
          <LiveRegion role="status" className="mt-2 font-semibold text-success">
            {state?.ok && state.message}
          </LiveRegion>
        </div>
      </form>
      </FormIdPrefix>
    </FormState>
  );
}

/**
 * When an action replaces its own form (Join becomes Leave), the focus moves to the region that
 * held it, which announces the change, rather than falling back to the top of the page.
 */
function useKeepFocusNearby() {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const holder = ref.current?.parentElement;
    const region = holder && nearestRegion(holder);
    return () => {
      if (!focusIsLost()) return;
      if (holder?.isConnected) moveFocusTo(nearestRegion(holder) ?? holder);
      else if (region?.isConnected) moveFocusTo(region);
    };
  }, []);
  return ref;
}

/** Prefixed like the form's field ids, so two forms on one page never share it. */
const summaryTitleId = (idPrefix: string) => `${idPrefix ? `${idPrefix}-` : ""}error-summary-title`;

function ErrorSummary({ state, idPrefix }: { state: ActionState; idPrefix: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state && !state.ok) ref.current?.focus();
  }, [state]);
  const failed = state && !state.ok ? state : null;
  return (
    <LiveRegion as="div" role="alert" ref={ref} tabIndex={-1} labelledBy={summaryTitleId(idPrefix)} className="border-4 border-danger p-4">
      {failed && <ErrorList failed={failed} idPrefix={idPrefix} />}
    </LiveRegion>
  );
}

function ErrorList({ failed, idPrefix }: { failed: NonNullable<ActionState>; idPrefix: string }) {
  const fields = Object.entries(failed.fieldErrors ?? {});
  return (
    <>
      <h2 id={summaryTitleId(idPrefix)} className="text-lg font-bold">
        There is a problem
      </h2>
      {fields.length > 0 ? (
        <ul className="mt-2 list-none space-y-1">
          {fields.map(([field, messages]) => (
            <li key={field}>
              <a href={`#${idPrefix ? `${idPrefix}-` : ""}field-${field}`} className="font-semibold text-danger">
                {messages?.[0]}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 font-semibold text-danger">{failed.message}</p>
      )}
    </>
  );
}

type FieldProps = {
  name: string;
  label: string;
  hint?: string;
  type?: string;
  autoComplete?: string;
  defaultValue?: string;
  multiline?: boolean;
  rows?: number;
  maxLength?: number;
  list?: string;
  width?: string;
};

/** A labelled field whose hint and error are linked to it for screen readers. */
export function TextField({
  name,
  label,
  hint,
  type = "text",
  autoComplete,
  defaultValue,
  multiline,
  rows = 5,
  maxLength,
  list,
  width = "max-w-xl",
}: FieldProps) {
  const state = use(FormState);
  const error = state?.fieldErrors?.[name]?.[0];
  const value = state?.values?.[name] ?? defaultValue;
  const id = useFieldId(name);
  const common = {
    id,
    name,
    defaultValue: value,
    "aria-describedby": describedBy(id, hint, error),
    "aria-invalid": error ? true : undefined,
    // The height of a one-line field matches inputClass in field-styles.ts (kept out of this client module).
    className: `block w-full ${width} ${multiline ? "py-1.5" : "h-10"} rounded-none border-2 ${error ? "border-danger" : "border-ink"} bg-white px-2`,
    maxLength,
  };
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {multiline ? (
        <textarea key={String(value)} rows={rows} {...common} />
      ) : (
        <input key={String(value)} type={type} autoComplete={autoComplete} list={list} {...common} />
      )}
    </FieldFrame>
  );
}

/** A set of radio buttons in a fieldset with a legend. */
export function RadioGroup({
  name,
  legend,
  options,
  defaultValue,
  hint,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string; hint?: string }[];
  defaultValue?: string;
  hint?: string;
}) {
  const state = use(FormState);
  const error = state?.fieldErrors?.[name]?.[0];
  const value = state?.values?.[name] ?? defaultValue;
  const baseId = useId();
  const id = useFieldId(name);
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
      className={error ? "border-l-4 border-danger pl-3" : undefined}
    >
      <legend className="font-semibold">{legend}</legend>
      <FieldMessages id={id} hint={hint} error={error} />
      <div className="mt-2 space-y-2">
        {options.map((option) => {
          const optionId = `${baseId}-${option.value}`;
          return (
            <div key={option.value} className="flex items-start gap-2">
              <input
                id={optionId}
                type="radio"
                name={name}
                value={option.value}
                defaultChecked={value === option.value}
                aria-describedby={option.hint ? `${optionId}-hint` : undefined}
                className="mt-1.5 h-5 w-5 accent-brand"
              />
              <div>
                <label htmlFor={optionId} className="font-medium">
                  {option.label}
                </label>
                {option.hint && (
                  <p id={`${optionId}-hint`} className="text-sm text-muted">
                    {option.hint}
                  </p>
                )}
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
