import { logError } from "@/lib/log";

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

/** The database could not be reached, or dropped the connection: nothing was saved. */
export const databaseUnavailable = () =>
  new AppError(503, "We cannot reach our database just now, so nothing was saved. Please try again in a minute.", undefined, 30);

// Connection exceptions (08), an administrator or crash ending the session (57P01-57P03), and a
// database not accepting connections (55000 with that message); network errors by their code.
const CONNECTION_CODES = /^(08\d{3}|57P0[123])$/;
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN"]);
const CONNECTION_MESSAGES = /connection terminated|connection (was )?closed|not currently accepting connections|terminating connection|Client has encountered a connection error|WebSocket/i;

/** Whether an error (or its cause: drizzle wraps the driver's) means the database went away. */
export function isConnectionLoss(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 3) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (CONNECTION_CODES.test(code) || NETWORK_CODES.has(code))) return true;
  if (CONNECTION_MESSAGES.test(error.message) && !/^Failed query/.test(error.message)) return true;
  return isConnectionLoss((error as { cause?: unknown }).cause, depth + 1);
}

/**
 * Returns a user-safe AppError for any error. Anything that is not an AppError is logged here,
 * once, with the request's id and `context`: the person sees only the safe message.
 */
export function toAppError(error: unknown, context: Record<string, unknown> = {}): AppError {
  if (isAppError(error)) return error;
  const lost = isConnectionLoss(error);
  logError(lost ? "database_unavailable" : "unexpected_error", error, context);
  return lost ? databaseUnavailable() : new AppError(500, "Something went wrong on our side. Please try again.");
}
