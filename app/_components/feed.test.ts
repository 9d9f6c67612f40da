import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { FeedItem } from "@/lib/posts/feeds";
import { FeedList } from "./feed";

// A feed row is repeated 25 times a page and sent twice (HTML and RSC payload): its markup is
// kept to short class names. These figures fail if a long Tailwind string comes back.

function item(n: number, overrides: Partial<FeedItem> = {}): FeedItem {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    communitySlug: "housing-options",
    communityName: "Housing options",
    kind: "question",
    title: `How do you handle void turnaround ${n}?`,
    tags: ["housing", "voids"],
    commentCount: 12,
    helpfulCount: 3,
    answered: true,
    pinned: false,
    locked: false,
    createdAt: new Date("2026-11-20T10:00:00Z"),
    lastActivityAt: new Date("2026-11-26T10:00:00Z"),
    author: { id: `author-${n}`, name: "Priya Raman" },
    isNew: false,
    newReplies: 0,
    unreadLink: null,
    ...overrides,
  };
}

const render = (items: FeedItem[], showCommunity = false) => renderToStaticMarkup(createElement(FeedList, { items, showCommunity }));

/** The HTML a row adds beyond its visible text. */
function markupPerRow(showCommunity: boolean) {
  const few = [item(1), item(2)];
  const many = Array.from({ length: 12 }, (_, i) => item(i + 1));
  const text = (html: string) => html.replace(/<[^>]*>/g, "").length;
  const [a, b] = [render(few, showCommunity), render(many, showCommunity)];
  return (b.length - text(b) - (a.length - text(a))) / (many.length - few.length);
}

describe("feed rows", () => {
  it("say what they show: kind, answered, byline, counts and tags", () => {
    const html = render([item(1, { newReplies: 2, unreadLink: "/c/housing-options/posts/x#comment-y", isNew: false })]);
    expect(html).toContain(">Question<");
    expect(html).toContain(">Answered<");
    expect(html).toContain(">2 new replies<");
    expect(html).toContain("Started by Priya Raman · last activity 26 Nov 2026");
    expect(html).toContain(">12 replies<");
    expect(html).toContain(">3 found it helpful<");
    expect(html).toContain('<ul aria-label="Tags">');
  });

  it("link tags relative to a community's own page, and to the post's community elsewhere", () => {
    expect(render([item(1)])).toContain('href="?tag=housing"');
    expect(render([item(1)], true)).toContain('href="/c/housing-options?tag=housing"');
  });

  it("add little markup beyond their text", () => {
    // 486 bytes of tags and attributes a row on a community's page, 555 with the community's
    // link (1,010 and 1,043 with the Tailwind strings and wrapper they had before).
    expect(markupPerRow(false)).toBeLessThan(600);
    expect(markupPerRow(true)).toBeLessThan(650);
  });
});
