import { notFound, redirect } from "next/navigation";
import { isAppError, type FieldErrors } from "@/lib/errors";

/**
 * Runs a page's domain call. What the viewer may not see becomes Next's 404 page, and a
 * signed-out viewer is sent to sign in. Other typed errors are returned for the page to show.
 */
export async function loadPage<T>(work: () => Promise<T>): Promise<{ data: T; error: null } | { data: null; error: PageError }> {
  try {
    return { data: await work(), error: null };
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.status === 404) notFound();
    if (error.status === 401) redirect("/sign-in");
    return {
      data: null,
      error: { status: error.status, message: error.fieldErrors ? firstFieldError(error.fieldErrors) : error.message },
    };
  }
}

export type PageError = { status: number; message: string };

function firstFieldError(fieldErrors: FieldErrors): string {
  return Object.values(fieldErrors)[0]?.[0] ?? "Please check what you entered.";
}
