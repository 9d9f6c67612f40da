import type { Viewer } from "@/lib/policy";
import type { Limit } from "./index";

// Limits after Discourse's defaults. Accounts in their first day get stricter ones.

const DAY = 24 * 60 * 60;
const isNew = (viewer: Viewer) => Date.now() - viewer.createdAt.getTime() < DAY * 1000;

export const limitsFor = {
  post: (v: Viewer): Limit[] => [
    { kind: "gate", key: `post:${v.id}`, seconds: isNew(v) ? 120 : 15, message: "You are starting posts too quickly." },
    { kind: "cap", key: `posts-day:${v.id}`, limit: isNew(v) ? 5 : 20, windowSeconds: DAY, message: `You have reached today's limit of ${isNew(v) ? 5 : 20} new posts.` },
  ],
  reply: (v: Viewer): Limit[] => [
    { kind: "gate", key: `reply:${v.id}`, seconds: isNew(v) ? 30 : 5, message: "You are replying too quickly." },
  ],
  reaction: (v: Viewer): Limit[] => [
    { kind: "cap", key: `reactions-day:${v.id}`, limit: 50, windowSeconds: DAY, message: "You have reached today's limit of 50 helpful marks." },
  ],
  report: (v: Viewer): Limit[] => [
    { kind: "cap", key: `reports-day:${v.id}`, limit: 20, windowSeconds: DAY, message: "You have reached today's limit of 20 reports." },
  ],
  community: (v: Viewer): Limit[] => [
    { kind: "cap", key: `communities-day:${v.id}`, limit: isNew(v) ? 1 : 5, windowSeconds: DAY, message: `You can start ${isNew(v) ? "one community" : "5 communities"} a day.` },
  ],
};
