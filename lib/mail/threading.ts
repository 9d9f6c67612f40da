import { createHash } from "node:crypto";

// Headers that make every email about one post one conversation: Message-ID, In-Reply-To
// and References (RFC 5322), which Gmail, Apple Mail and Thunderbird follow, and
// Thread-Topic with Thread-Index, which Outlook's conversation view follows.

/** The id every email about a post refers back to, as its thread's root. */
export const postThreadId = (postId: string, domain: string) => `<post-${postId}@${domain}>`;

/** A unique id for one email. */
export const emailMessageId = (emailId: string, domain: string) => `<email-${emailId}@${domain}>`;

// A FILETIME counts 100-nanosecond steps since 1601-01-01.
const FILETIME_OFFSET_MS = 11_644_473_600_000n;
const filetime = (at: Date) => (BigInt(at.getTime()) + FILETIME_OFFSET_MS) * 10_000n;

/**
 * Outlook's Thread-Index: a 22-byte header naming the conversation (the top six bytes of the
 * post's time and a 16-byte id taken from the post) and a 5-byte block for this message, from
 * how long after the post it was sent. Every email about one post shares the header.
 */
export function threadIndex(postId: string, postCreatedAt: Date, sentAt: Date): string {
  const header = Buffer.alloc(22);
  const start = filetime(postCreatedAt);
  for (let i = 0; i < 6; i++) header[i] = Number((start >> BigInt(56 - i * 8)) & 0xffn);
  createHash("md5").update(`roundtable-post:${postId}`).digest().copy(header, 6);
  const delta = filetime(sentAt) - (start & ~0xffff_ffff_ffffn);
  const block = Buffer.alloc(5);
  // Bit 0 says which unit the 31-bit difference is in: 0 for 2^18 steps (about 26 ms).
  const steps = Number((delta > 0n ? delta >> 18n : 0n) & 0x7fff_ffffn);
  block.writeUInt32BE(steps >>> 0, 0);
  block[4] = sentAt.getMilliseconds() & 0xff;
  return Buffer.concat([header, block]).toString("base64");
}
