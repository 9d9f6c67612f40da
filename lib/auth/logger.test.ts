import { AccessDenied, CallbackRouteError, CredentialsSignin } from "@auth/core/errors";
import { afterEach, describe, expect, it, vi } from "vitest";
import { authLogger } from "./logger";

afterEach(() => vi.restoreAllMocks());

describe("the sign-in log", () => {
  it("notes a wrong password or a refused sign-in in one line, with no stack trace", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    authLogger.error!(new CredentialsSignin());
    authLogger.error!(new AccessDenied("Not on the allowed list"));
    expect(warn.mock.calls).toEqual([["[auth] sign-in refused: CredentialsSignin (credentials)"], ["[auth] sign-in refused: AccessDenied"]]);
    expect(error).not.toHaveBeenCalled();
  });

  it("logs a real failure in full", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const failure = new CallbackRouteError("Read more at https://errors.authjs.dev", { cause: { err: new Error("connection refused") } });
    authLogger.error!(failure);
    expect(error).toHaveBeenCalledWith("[auth][error]", failure);
  });
});
