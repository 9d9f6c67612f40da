import type { Refusal } from "@/lib/policy";

/**
 * A refusal as one letter of a refusal table: "." when allowed, else the letter given for its
 * message, or the whole message in brackets, so that a new or changed message fails visibly.
 */
export function refusalLetter(codes: Record<string, string>) {
  return (refused: Refusal | null): string => (refused ? (codes[refused.message] ?? `[${refused.message}]`) : ".");
}
