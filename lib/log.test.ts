import { afterEach, describe, expect, it, vi } from "vitest";
import { logError } from "./log";
import { toAppError } from "./errors";

// Each error is logged once, as one JSON line with its cause; the person is told only the safe message.

afterEach(() => vi.restoreAllMocks());

async function linesWritten(work: () => void): Promise<Record<string, unknown>[]> {
  const written: string[] = [];
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
  work();
  await vi.waitFor(() => expect(written.length).toBeGreaterThan(0));
  return written.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("structured error logs", () => {
  it("write one JSON line with the event, the context and the error's cause", async () => {
    const lines = await linesWritten(() => logError("email_not_sent", new Error("Failed query", { cause: Object.assign(new Error("boom"), { code: "XX000" }) }), { emailId: "e1" }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "error", event: "email_not_sent", emailId: "e1", error: { message: "Failed query", cause: { message: "boom", code: "XX000" } } });
  });

  it("leave out a failed query's parameters, which can hold what people typed", async () => {
    const lines = await linesWritten(() => logError("unexpected_error", new Error("Failed query: select 1 where email = $1\nparams: someone@example.gov.uk")));
    expect(JSON.stringify(lines[0])).not.toContain("someone@example.gov.uk");
    expect(lines[0]).toMatchObject({ error: { message: "Failed query: select 1 where email = $1" } });
  });

  it("log an unexpected error once and give the person a safe message without its details", async () => {
    let message = "";
    const lines = await linesWritten(() => {
      message = toAppError(new Error("secret table name"), { path: "/api/v1/feed" }).message;
    });
    expect(message).toBe("Something went wrong on our side. Please try again.");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ event: "unexpected_error", path: "/api/v1/feed", error: { message: "secret table name" } });
  });

  it("tell the person the database is unreachable when the connection was lost, wrapped or not", () => {
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const lost = Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" });
    expect(toAppError(new Error("Failed query: insert", { cause: lost })).status).toBe(503);
    expect(toAppError(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" })).status).toBe(503);
    expect(toAppError(new Error("Failed query: select", { cause: Object.assign(new Error("syntax"), { code: "42601" }) })).status).toBe(500);
  });
});
