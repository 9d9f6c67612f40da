import type { NextAuthConfig } from "next-auth";
import { logError, writeLog } from "@/lib/log";

/**
 * What Auth.js refuses in the normal course of things (a wrong password, a sign-in the rules
 * turn away, a used or expired link, a stale form) is a person's mistake, not a fault: one
 * line each. Anything else is a real error and is logged in full.
 */
const expected = new Set(["CredentialsSignin", "AccessDenied", "Verification", "MissingCSRF"]);

export const authLogger: NonNullable<NextAuthConfig["logger"]> = {
  error(error: Error) {
    // Auth.js errors carry their kind in `type`, and a refused sign-in its reason in `code`.
    const { type, code } = error as Error & { type?: string; code?: string };
    if (type && expected.has(type)) {
      writeLog("warn", "sign_in_refused", { type, ...(code ? { code } : {}) });
      return;
    }
    logError("auth_error", error);
  },
};
