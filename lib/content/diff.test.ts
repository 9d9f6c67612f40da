import { describe, expect, it } from "vitest";
import { diffRichText, renderDiffHtml } from "./diff";
import { mergeLine, mergeRichText } from "./merge";

const doc = (...paras: string[]) => paras.map((p) => `<p>${p}</p>`).join("");

describe("readable differences", () => {
  it("marks changed words inside a paragraph, and says so in words for screen readers", () => {
    const diff = diffRichText(doc("We meet twice a year.", "Agenda"), doc("We meet three times a year.", "Agenda"));
    expect(diff.wordsAdded).toBe(2);
    expect(diff.wordsRemoved).toBe(1);
    const html = renderDiffHtml(diff);
    expect(html).toContain(`<del><span class="sr-only">[removed: </span>twice<span class="sr-only">]</span></del>`);
    expect(html).toContain(`<ins><span class="sr-only">[added: </span>three times<span class="sr-only">]</span></ins>`);
  });

  it("shows whole paragraphs added and removed, and shortens long unchanged stretches", () => {
    const before = doc("one", "two", "three", "four", "five", "six");
    const after = doc("one", "two", "three", "four", "five", "six", "seven");
    const diff = diffRichText(before, after);
    expect(diff.blocks[0]).toEqual({ change: "skipped", count: 5 });
    expect(diff.blocks.at(-1)).toMatchObject({ change: "added", text: "seven", label: "paragraph" });
    expect(renderDiffHtml(diffRichText(doc("a", "b"), doc("b")))).toContain("Removed paragraph");
  });

  it("escapes what it shows", () => {
    const html = renderDiffHtml(diffRichText(doc("safe"), doc("&lt;script&gt;alert(1)&lt;/script&gt;")));
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
  });

  it("notices a change of formatting alone, and says there is no difference when there is none", () => {
    expect(renderDiffHtml(diffRichText(doc("plain"), doc("<strong>plain</strong>")))).toContain("Formatting changed");
    expect(renderDiffHtml(diffRichText(doc("same"), doc("same")))).toContain("No differences");
  });
});

describe("three-way merge", () => {
  const base = doc("Intro", "Middle", "End");
  it("keeps both edits when they touch different paragraphs", () => {
    const merged = mergeRichText(base, doc("Intro, revised", "Middle", "End"), doc("Intro", "Middle", "End, revised"));
    expect(merged).toEqual({ html: doc("Intro, revised", "Middle", "End, revised"), clashes: [] });
  });

  it("reports a clash when both change the same paragraph, keeping the saver's text in place", () => {
    const merged = mergeRichText(base, doc("Intro", "Mine", "End"), doc("Intro", "Theirs", "End"));
    expect(merged.html).toBe(doc("Intro", "Mine", "End"));
    expect(merged.clashes).toEqual([{ base: doc("Middle"), mine: doc("Mine"), theirs: doc("Theirs") }]);
  });

  it("keeps both edits to neighbouring paragraphs, and clashes only over the very paragraph both changed", () => {
    const two = doc("One", "Two");
    expect(mergeRichText(two, doc("One, mine", "Two"), doc("One", "Two, theirs"))).toEqual({ html: doc("One, mine", "Two, theirs"), clashes: [] });
    const merged = mergeRichText(base, doc("Intro, mine", "Middle, mine", "End"), doc("Intro", "Middle, theirs", "End"));
    expect(merged.html).toBe(doc("Intro, mine", "Middle, mine", "End"));
    expect(merged.clashes).toEqual([{ base: doc("Middle"), mine: doc("Middle, mine"), theirs: doc("Middle, theirs") }]);
  });

  it("treats the same change on both sides as no clash", () => {
    expect(mergeRichText(base, doc("Intro", "Same", "End"), doc("Intro", "Same", "End")).clashes).toEqual([]);
  });

  it("merges titles: a change wins over no change, two different changes clash", () => {
    expect(mergeLine("T", "T", "New")).toEqual({ value: "New", clash: false });
    expect(mergeLine("T", "Mine", "T")).toEqual({ value: "Mine", clash: false });
    expect(mergeLine("T", "Mine", "Theirs")).toEqual({ value: "Mine", clash: true });
  });
});
