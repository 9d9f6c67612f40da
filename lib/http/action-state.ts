import { redirect, unstable_rethrow } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import type { FieldErrors } from "@/lib/errors";
import { toAppError } from "@/lib/errors";
import type { MaybeViewer } from "@/lib/policy";

/** What a form's server action reports back to `useActionState`. */
export type ActionState = {
  ok: boolean;
  status?: number;
  message?: string;
  fieldErrors?: FieldErrors;
  /** What was typed, so that a failed submit never loses it. Secrets are left out. */
  values?: Record<string, string>;
  retryAfterSeconds?: number;
} | null;

type Outcome = { redirectTo?: string; message?: string } | void;

const SECRET_FIELDS = /password|token/i;

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  }
  return values;
}

/**
 * Wraps a server action for a form: loads the viewer, runs the domain call, and turns its
 * typed errors into field messages. Server actions are public endpoints, so the domain call
 * must check the viewer and the policy itself; this only reports the outcome.
 */
export function formAction(
  run: (viewer: MaybeViewer, values: Record<string, string>) => Promise<Outcome>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const values = formValues(formData);
    let outcome: Outcome;
    try {
      outcome = await run(await getViewer(), values);
    } catch (error) {
      unstable_rethrow(error);
      const appError = toAppError(error);
      if (appError.status === 401) redirect("/sign-in");
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
  };
}
