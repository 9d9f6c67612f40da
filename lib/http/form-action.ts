import { redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { requireActiveViewer, type Viewer } from "@/lib/auth/request-viewer";
import { toAppError } from "@/lib/errors";
import { parseInput, withoutNul } from "@/lib/validation";

// Server actions for forms. Every form posts to one made by `publicFormAction` (anyone: sign
// in, sign up) or `signedInFormAction` (a proven, active Viewer). Both report back to
// `useActionState` the same way: a message, the messages beside each field, and what was
// typed, so a failed submit loses nothing. Server actions are public endpoints: the domain
// call inside still checks the policy itself.

/** What a form's server action reports back to `useActionState`; `Field` names the form's fields. */
export type ActionState<Field extends string = string> = {
  ok: boolean;
  status?: number;
  message?: string;
  fieldErrors?: Partial<Record<Field | "form", string[]>>;
  /** What was typed, so that a failed submit never loses it. Secrets are left out. */
  values?: Record<string, string>;
  retryAfterSeconds?: number;
} | null;

export type FormAction<Field extends string = string> = (state: ActionState<Field>, formData: FormData) => Promise<ActionState<Field>>;

type Values = Record<string, string>;
/** Where to go next, or what to say: the domain call's result as the form needs it. */
type Outcome = { redirectTo?: string; message?: string } | void;
type FieldsOf<S extends z.ZodType> = Extract<keyof z.input<S>, string>;

const SECRET_FIELDS = /password|token/i;

/** A form's entries; anything else a caller sends in its place (a server action is a public endpoint) has none. */
function entriesOf(formData: unknown): [string, FormDataEntryValue][] {
  return formData instanceof FormData ? [...formData.entries()] : [];
}

/** The fields of an action called with a plain object (autosave); any other value has none. */
export function fieldsOf(data: unknown): Record<string, unknown> {
  return data && typeof data === "object" && !Array.isArray(data) ? withoutNul(data as Record<string, unknown>) : {};
}

export function formValues(formData: FormData): Values {
  const values: Values = {};
  for (const [key, value] of entriesOf(formData)) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[withoutNul(key)] = withoutNul(value);
  }
  return values;
}

/** A form action anyone may use. With a zod schema, bad values come back beside their fields before `run` starts. */
export function publicFormAction(run: (values: Values) => Promise<Outcome>): FormAction;
export function publicFormAction<S extends z.ZodType>(schema: S, run: (input: z.output<S>) => Promise<Outcome>): FormAction<FieldsOf<S>>;
export function publicFormAction(...args: [(values: Values) => Promise<Outcome>] | [z.ZodType, (input: unknown) => Promise<Outcome>]): FormAction {
  return async (_state, formData) => {
    const values = formValues(formData);
    return settle(values, () => (args.length === 1 ? args[0](values) : args[1](parseInput(args[0], values))), { signedIn: false });
  };
}

/**
 * A form action for a signed-in member: the viewer is proven (signed in, not suspended)
 * before `run` starts, and a signed-out visitor is sent to sign in.
 */
export function signedInFormAction(run: (viewer: Viewer, values: Values) => Promise<Outcome>): FormAction;
export function signedInFormAction<S extends z.ZodType>(schema: S, run: (viewer: Viewer, input: z.output<S>) => Promise<Outcome>): FormAction<FieldsOf<S>>;
export function signedInFormAction(
  ...args: [(viewer: Viewer, values: Values) => Promise<Outcome>] | [z.ZodType, (viewer: Viewer, input: unknown) => Promise<Outcome>]
): FormAction {
  return async (_state, formData) => {
    const values = formValues(formData);
    return settle(
      values,
      async () => {
        const viewer = await requireActiveViewer();
        return args.length === 1 ? args[0](viewer, values) : args[1](viewer, parseInput(args[0], values));
      },
      { signedIn: true },
    );
  };
}

/** A signed-in form action that also receives the form's files, by field name (an upload form). */
export function signedInUploadAction(run: (viewer: Viewer, values: Values, files: Record<string, File>) => Promise<Outcome>): FormAction {
  return async (_state, formData) => {
    const values = formValues(formData);
    const files: Record<string, File> = {};
    for (const [key, value] of entriesOf(formData)) if (typeof value !== "string" && value.size > 0) files[key] = value;
    return settle(values, async () => run(await requireActiveViewer(), values, files), { signedIn: true });
  };
}

/** Runs the work and turns its outcome, or its typed error, into the form's next state. */
async function settle(values: Values, work: () => Promise<Outcome>, { signedIn }: { signedIn: boolean }): Promise<ActionState> {
  let outcome: Outcome;
  try {
    outcome = await work();
  } catch (error) {
    unstable_rethrow(error);
    const appError = toAppError(error, { kind: "server action", fields: Object.keys(values) });
    if (signedIn && appError.status === 401) redirect("/sign-in");
    return {
      ok: false,
      status: appError.status,
      message: appError.message,
      fieldErrors: appError.fieldErrors,
      retryAfterSeconds: appError.retryAfterSeconds,
      values: Object.fromEntries(Object.entries(values).filter(([k]) => !SECRET_FIELDS.test(k))),
    };
  }
  if (outcome?.redirectTo) redirect(outcome.redirectTo);
  return { ok: true, message: outcome?.message };
}
