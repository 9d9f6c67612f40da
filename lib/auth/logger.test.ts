import { AccessDenied, CallbackRouteError, CredentialsSignin } from "@auth/core/errors";
import { afterEach, describe, expect, it, vi } from "vitest";
import { authLogger } from "./logger";

afterEach(() => vi.restoreAllMocks());

/** The structured lines written to standard error, as objects. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
    return true;
  });
  return lines;
}

describe("the sign-in log", () => {
  it("notes a wrong password or a refused sign-in in one line, with no stack trace", () => {
    const lines = capture();
    authLogger.error!(new CredentialsSignin());
    authLogger.error!(new AccessDenied("Not on the allowed list"));
    expect(lines.map(({ level, event, type, code }) => ({ level, event, type, code }))).toEqual([
      { level: "warn", event: "sign_in_refused", type: "CredentialsSignin", code: "credentials" },
      { level: "warn", event: "sign_in_refused", type: "AccessDenied", code: undefined },
    ]);
    expect(JSON.stringify(lines)).not.toContain("stack");
  });

  it("logs a real failure in full", async () => {
    const lines = capture();
    const failure = new CallbackRouteError("Read more at https://errors.authjs.dev", { cause: { err: new Error("connection refused") } });
    authLogger.error!(failure);
    await vi.waitFor(() => expect(lines).toHaveLength(1));
    expect(lines[0]).toMatchObject({ level: "error", event: "auth_error" });
    expect(lines[0]!.error).toMatchObject({ name: "CallbackRouteError" });
    expect(JSON.stringify(lines[0])).toContain("stack");
  });
});
