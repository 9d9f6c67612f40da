/** Field name → messages, as shown next to each form field. */
export type FieldErrors = Record<string, string[]>;

/** An error with an HTTP status and a message that is safe to show to the user. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors?: FieldErrors,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const badRequest = (message: string, fieldErrors?: FieldErrors) =>
  new AppError(400, message, fieldErrors);
export const unauthenticated = (message = "Please sign in first.") => new AppError(401, message);
export const forbidden = (message = "You cannot do that here.") => new AppError(403, message);
/** Also used for anything the viewer may not see: it does not exist for them. */
export const notFound = (message = "We could not find that page.") => new AppError(404, message);
export const conflict = (message: string, fieldErrors?: FieldErrors) =>
  new AppError(409, message, fieldErrors);
export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new AppError(429, message, undefined, retryAfterSeconds);

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Logs anything that is not an AppError and returns a user-safe AppError for it. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  console.error(error);
  return new AppError(500, "Something went wrong on our side. Please try again.");
}
