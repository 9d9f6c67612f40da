import { expect } from "vitest";
import { AppError } from "@/lib/errors";

/** Runs `work` and returns the AppError it threw; fails if it threw anything else or nothing. */
export async function appErrorOf(work: () => Promise<unknown>): Promise<AppError> {
  try {
    await work();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("Expected an AppError, but the call succeeded");
}
